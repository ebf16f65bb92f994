package com.linli.inventory;

import java.time.Instant;
import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.network.WarehouseId;

/**
 * A batch (批次) of a SKU in a warehouse: how many units came in ({@code received}) and how many are left;
 * {@code expiresOn} is production date + shelf life (null when neither is known).
 */
public record StockBatch(StockBatchId id, WarehouseId warehouseId, SkuId skuId, String batchNo,
		LocalDate productionDate, LocalDate expiresOn, long received, long remaining, Instant receivedAt) {
}
