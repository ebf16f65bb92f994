package com.linli.marketing.internal;

import java.time.Instant;

import com.linli.identity.AccountId;

/**
 * Gives a resident a coupon of a template on behalf of another tool (a referral reward, a level's monthly
 * coupon, the points shop), within the template's total and per-resident limit. Implemented by the
 * coupons; answers the coupon's id, or throws a BusinessRuleException naming why none was given.
 * {@code source} says why ("referral:12", "level:3:2026-12", "points-shop:5"); a grant with a source the
 * resident already had answers that coupon again (retries give nothing twice).
 */
public interface CouponGrants {

	long grant(AccountId resident, long templateId, String source, Instant at);
}
