package com.linli.aftersales;

import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;

/**
 * The daily quality check found a SKU whose after-sales rate in a region jumped: {@code rate} (requests per
 * unit picked up, yesterday or the last days) above the threshold times its 28-day {@code baselineRate}, with at
 * least the minimum number of {@code requests}. The region's operators are told in their message centre.
 */
public record QualityAlertRaised(RegionId regionId, SkuId skuId, String skuName, LocalDate day, int requests,
		double rate, double baselineRate) {
}
