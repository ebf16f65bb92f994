package com.linli.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;

/**
 * An alert on a SKU in a warehouse (and a batch, for near expiry), with the figures that raised it.
 * Open until a recomputation no longer finds the condition.
 */
public record StockAlert(long id, AlertKind kind, WarehouseId warehouseId, RegionId regionId, SkuId skuId,
		StockBatchId batchId, boolean open, long available, long safetyStock, BigDecimal averageDailySales,
		BigDecimal daysOfCover, LocalDate expiresOn, long units, Instant raisedAt, Instant resolvedAt) {
}
