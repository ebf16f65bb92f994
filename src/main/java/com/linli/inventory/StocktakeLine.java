package com.linli.inventory;

import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.shared.Money;

/**
 * One batch of a stocktake: expected (the ledger at opening), counted (null until entered), the variance
 * counted - expected, its value at the batch's unit cost when known (null otherwise), and the adjustment
 * booked at closing.
 */
public record StocktakeLine(StockBatchId batchId, SkuId skuId, String skuName, String batchNo, LocalDate expiresOn,
		long expected, Long counted, Money unitCost, Long adjusted) {

	public Long variance() {
		return counted == null ? null : counted - expected;
	}

	public Money varianceValue() {
		return counted == null || unitCost == null ? null : unitCost.times(counted - expected);
	}
}
