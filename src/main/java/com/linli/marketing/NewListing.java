package com.linli.marketing;

import java.time.Instant;
import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * What an operator publishes: a SKU in a region for a pickup date, at a group price (and the struck
 * list price, may be null), with a stock cap and a per-resident limit. A null {@code opensAt} means now;
 * a null {@code cutoffAt} means 23:00 of the day before pickup in the region's time zone.
 */
public record NewListing(RegionId regionId, SkuId skuId, Money groupPrice, Money listPrice, int stockCap,
		int perResidentLimit, Instant opensAt, Instant cutoffAt, LocalDate pickupDate) {
}
