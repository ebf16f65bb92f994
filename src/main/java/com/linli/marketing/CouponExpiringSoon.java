package com.linli.marketing;

import java.time.Instant;

import com.linli.identity.AccountId;

/** A resident's coupon ends its validity within three days and has not been used (the message centre tells them). */
public record CouponExpiringSoon(long couponId, AccountId residentId, String templateName, Instant validUntil) {
}
