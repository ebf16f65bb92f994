package com.linli.inventory;

import com.linli.catalog.SkuId;
import com.linli.network.WarehouseId;

/** Units of a SKU in a warehouse: on hand, reserved for demand, and available = on hand - reserved. */
public record Stock(WarehouseId warehouseId, SkuId skuId, long onHand, long reserved, long available) {

	public static Stock of(WarehouseId warehouseId, SkuId skuId, long onHand, long reserved) {
		return new Stock(warehouseId, skuId, onHand, reserved, onHand - reserved);
	}
}
