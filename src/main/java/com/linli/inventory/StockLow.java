package com.linli.inventory;

import com.linli.catalog.SkuId;
import com.linli.network.WarehouseId;

/** A new stock-out risk: fewer units available than the safety stock. */
public record StockLow(long alertId, WarehouseId warehouseId, SkuId skuId, long available, long safetyStock) {
}
