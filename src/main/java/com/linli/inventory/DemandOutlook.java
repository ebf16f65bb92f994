package com.linli.inventory;

import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;

/**
 * The latest forecast of a SKU's demand in a region for the days ahead (from the nightly job): per day
 * the expected units and the 0.5 / 0.8 / 0.95 quantiles, the day it was issued and the method chosen for
 * the series. What replenishment, price suggestions and suppliers' VMI read; empty days when none was made.
 */
public record DemandOutlook(RegionId regionId, SkuId skuId, LocalDate issuedOn, String method, List<Day> days) {

	public record Day(LocalDate date, double mean, double p50, double p80, double p95) {
	}

	/** Expected units over the days. */
	public double totalMean() {
		return days.stream().mapToDouble(Day::mean).sum();
	}
}
