package com.linli.risk;

/** The fraud rules; each flag names the one that raised it. */
public enum RiskRule {
	/** Many accounts whose phone numbers share the first nine digits. */
	PHONE_PREFIX,
	/** Many accounts seen on one device id. */
	SHARED_DEVICE,
	/** A leader's own accounts (their account, same phone prefix, their device) ordering at the leader's point. */
	LEADER_SELF_BUYING,
	/** One device claiming new-user coupons or referral rewards for many accounts. */
	COUPON_REFERRAL_ABUSE,
	/** A resident's refund rate far above the region's. */
	RESIDENT_REFUND_RATE,
	/** A pickup point's refund rate far above the region's. */
	POINT_REFUND_RATE,
	/** Orders placed and cancelled in a burst by one account. */
	CANCEL_BURST
}
