package com.linli.inventory;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Settings of safety stock and alerts: sales window N (days), safety factor (days of cover to keep),
 * overstock threshold (days of cover), near-expiry days, and the seasonal factor per month (1..12).
 */
public record InventorySettings(int salesWindowDays, BigDecimal safetyDays, BigDecimal overstockDays,
		int nearExpiryDays, Map<Integer, BigDecimal> seasonalFactors) {

	public BigDecimal seasonalFactor(int month) {
		return seasonalFactors.getOrDefault(month, BigDecimal.ONE);
	}
}
