package com.linli.marketing;

import java.time.Instant;

/** A resident's exchange in the points shop: the item, the points spent and the coupon given. */
public record PointsExchange(long id, long itemId, long points, long couponId, Instant at) {
}
