package com.linli.inventory;

import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.network.PickupPointId;

/**
 * The latest forecast of a SKU at one pickup point for the days ahead: per day the expected units and the
 * 0.5 / 0.8 / 0.95 quantiles, reconciled so that a SKU's points sum to its region forecast; {@code method}
 * is the model's name where the point had volume enough to be forecast directly, {@code share} where it took
 * its share of the region's forecast.
 */
public record PointOutlook(PickupPointId pickupPointId, String pickupPointName, SkuId skuId, LocalDate issuedOn,
		String method, List<DemandOutlook.Day> days) {
}
