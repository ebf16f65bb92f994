package com.linli.inventory;

import java.time.Instant;
import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.marketing.ListingId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * A suggested price for a listing (动态定价) with its reasoning: the central warehouse's available units and
 * the days they cover at the forecast's expected daily demand, the pickup days left before the first batch
 * expires ({@code shelfDays}), the unit cost, the price elasticity (measured from past promotions' lift and
 * depth, or the default), the lowest recent competitor price, and over {@code horizonDays} the units expected
 * sold and wasted and the margin ({@code sold × (price − cost) − wasted × cost}) at today's price and at the
 * suggested one. Accepted, a DISCOUNT became marketing listing discount {@code discountId}; a RAISE changed the
 * listing's group price.
 */
public record PriceSuggestion(long id, RegionId regionId, ListingId listingId, SkuId skuId, String skuName,
		LocalDate pickupDate, Kind kind, Reason reason, Money currentPrice, Money suggestedPrice, Money unitCost,
		long available, double dailyDemand, Double coverDays, Integer shelfDays, double elasticity,
		boolean elasticityMeasured, Double promotionLift, Double promotionRatio, Money competitorLow, int horizonDays,
		LocalDate riskUntil, double soldNow, double wasteNow, double soldNew, double wasteNew, Money marginNow,
		Money marginNew, PriceSuggestionStatus status, Instant createdAt, Long decidedBy, Instant decidedAt,
		Long discountId, Integer soldAtAccept) {

	/** Down (a listing discount) or up (the listing's group price). */
	public enum Kind {
		DISCOUNT, RAISE
	}

	/** Units would expire; a competitor sells far lower; stock is short while competitors sell higher. */
	public enum Reason {
		EXPIRY, COMPETITOR, SHORT_COVER
	}

	/** The change in percent of today's price (negative for a discount). */
	public double changePercent() {
		return (suggestedPrice.fen() - currentPrice.fen()) * 100.0 / currentPrice.fen();
	}
}
