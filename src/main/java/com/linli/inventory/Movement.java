package com.linli.inventory;

import java.time.Instant;

import com.linli.catalog.SkuId;
import com.linli.network.WarehouseId;

/**
 * One ledger row: {@code quantity} units (signed: + in, - out) of one batch in one warehouse, with the
 * request it belongs to ({@code reference}), why (damage, stocktake) and the other warehouse of a transfer.
 */
public record Movement(long id, WarehouseId warehouseId, SkuId skuId, StockBatchId batchId, String batchNo,
		MovementKind kind, long quantity, String reference, String reason, WarehouseId otherWarehouseId,
		Long createdBy, Instant createdAt) {
}
