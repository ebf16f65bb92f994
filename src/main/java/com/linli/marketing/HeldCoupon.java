package com.linli.marketing;

import java.time.Instant;

/** A resident's coupon as they see it: its template (terms, scope), status, validity and the order it is on. */
public record HeldCoupon(long id, CouponTemplate template, CouponStatus status, String source, Instant issuedAt,
		Instant validFrom, Instant validUntil, Long orderId) {
}
