package com.linli.marketing;

/**
 * What operators configure for referrals in a region: whether rewards are given, each side's reward (a
 * coupon template or a number of points, or nothing; never both) and the pickup point pattern limit: at
 * most {@code maxPerPointPerDay} rewarded invitees of one inviter at one pickup point on one day.
 */
public record ReferralRule(boolean enabled, Long inviterCouponTemplate, Long inviterPoints, Long inviteeCouponTemplate,
		Long inviteePoints, int maxPerPointPerDay) {

	/** The limit of a region nobody configured. */
	public static final int DEFAULT_MAX_PER_POINT_PER_DAY = 3;

	/** A region nobody configured: no rewards. */
	public static ReferralRule none() {
		return new ReferralRule(false, null, null, null, null, DEFAULT_MAX_PER_POINT_PER_DAY);
	}
}
