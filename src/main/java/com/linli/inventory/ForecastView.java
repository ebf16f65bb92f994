package com.linli.inventory;

import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;

/**
 * A SKU's demand in a region: recent history with the forecasts made for it, the next days'
 * forecast, the suggested listing cap for the first of them (its 0.8 quantile rounded up:
 * {@code internal.replenish.ListingCap}, the forecast purchases read too) and the purchase
 * suggestion for the week ahead ({@code Σ forecast × buffer}, rounded up, where forecast is the higher of
 * the point forecast and the expected units), what the region's central
 * warehouse has available of the SKU, and the purchase net of it (never below 0). Units already on order
 * with suppliers are not netted here: purchase orders are supply's, which nets them when it drafts.
 */
public record ForecastView(RegionId regionId, SkuId skuId, String skuName, LocalDate issuedOn,
		List<ForecastPoint> history, List<ForecastPoint> ahead, double buffer, long suggestedCap,
		long purchaseSuggestion, long centralAvailable, long purchaseNet) {
}
