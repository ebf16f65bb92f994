package com.linli.inventory;

import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.marketing.ListingId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * A suggested clearance of overstocked or near-expiry stock: a listing at {@code discountPercent} off the
 * last listing price, at most {@code cap} units, for a pickup date between {@code pickupDate} and
 * {@code lastPickupDate}; a BUNDLE suggestion also names the best seller to offer it with. Accepting it
 * publishes the listing ({@code listingId}).
 */
public record Clearance(long id, long alertId, Kind kind, RegionId regionId, SkuId skuId, Money basePrice,
		int discountPercent, Money price, int cap, LocalDate pickupDate, LocalDate lastPickupDate, SkuId bundleSkuId,
		String bundleName, boolean accepted, ListingId listingId) {

	/** A plain discounted listing, or one promoted together with a best seller (搭配热销). */
	public enum Kind {
		DISCOUNT, BUNDLE
	}

	/** The discount for the days of shelf life left or the days of cover: the closer to loss, the deeper. */
	public static int discountPercent(AlertKind kind, long daysLeft, java.math.BigDecimal daysOfCover,
			java.math.BigDecimal overstockDays) {
		if (kind == AlertKind.NEAR_EXPIRY) {
			return daysLeft <= 1 ? 40 : daysLeft <= 3 ? 30 : 20;
		}
		if (daysOfCover == null || daysOfCover.compareTo(overstockDays.multiply(java.math.BigDecimal.valueOf(2))) > 0) {
			return 30;
		}
		return 20;
	}

	/** The price after the discount, rounded to the fen, never below one fen. */
	public static Money discounted(Money base, int percent) {
		return Money.ofFen(Math.max(base.timesBasisPoints(10_000L - percent * 100L).fen(), 1));
	}
}
