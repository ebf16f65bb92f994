package com.linli.inventory;

import java.time.Instant;
import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

/** A competitor's price of a SKU in a region on a day, as an operator saw it (a rival platform, a market stall). */
public record CompetitorPrice(long id, RegionId regionId, SkuId skuId, String skuName, String competitor, Money price,
		LocalDate observedOn, Long recordedBy, Instant recordedAt) {
}
