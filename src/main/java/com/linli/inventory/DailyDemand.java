package com.linli.inventory;

import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;

/**
 * Units of a SKU ordered in a region for one pickup date; {@code promoted} when its listing that day
 * was a promotion (a discount of at least {@code linli.inventory.forecast.promotion-discount-percent}
 * off the list price).
 */
public record DailyDemand(RegionId regionId, SkuId skuId, String skuName, LocalDate date, long units,
		boolean promoted) {
}
