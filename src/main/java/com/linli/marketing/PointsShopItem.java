package com.linli.marketing;

import java.time.Instant;

import com.linli.network.RegionId;

/**
 * An item of the points shop (积分商城) in a region: a coupon of a template for a price in points, with a
 * stock that is never exchanged beyond.
 */
public record PointsShopItem(long id, RegionId regionId, String name, long couponTemplateId, long pointsPrice,
		int stock, int exchanged, boolean active, Instant createdAt) {

	public int left() {
		return stock - exchanged;
	}
}
