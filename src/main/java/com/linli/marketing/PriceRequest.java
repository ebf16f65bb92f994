package com.linli.marketing;

import java.util.List;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * What the price engine prices: a resident's cart or order at a pickup point, each line at its listing's
 * group price, with the resident's coupon choice, the points they want to spend (0: none) and, for a
 * group-buy order, the team.
 */
public record PriceRequest(AccountId resident, RegionId region, PickupPointId pickupPoint, List<Line> lines,
		CouponChoice coupon, long points, TeamIntent team) {

	/** One listing at its group price (before any promotion) and how many units. */
	public record Line(ListingId listing, SkuId sku, CategoryId category, Money unitPrice, int quantity) {

		public Money amount() {
			return unitPrice.times(quantity);
		}
	}

	public PriceRequest {
		lines = List.copyOf(lines);
		coupon = coupon == null ? CouponChoice.best() : coupon;
		if (points < 0) {
			throw new IllegalArgumentException("points must not be negative");
		}
	}

	/** A request with the best coupon, no points and no team. */
	public static PriceRequest of(AccountId resident, RegionId region, PickupPointId pickupPoint, List<Line> lines) {
		return new PriceRequest(resident, region, pickupPoint, lines, CouponChoice.best(), 0, null);
	}
}
