package com.linli.inventory;

import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.network.WarehouseId;

/** A batch newly found near its expiry with units left. */
public record StockExpiring(long alertId, WarehouseId warehouseId, SkuId skuId, StockBatchId batchId,
		LocalDate expiresOn, long units) {
}
