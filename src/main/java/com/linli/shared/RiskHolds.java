package com.linli.shared;

/**
 * Whether risk control holds an account's payouts (leader withdrawals, referral rewards) or its coupon use while a
 * risk case about it is open or was confirmed. Leader and marketing consult it; the risk module implements it
 * (dependency inversion, as {@link RegionDirectory}: lower modules may not call risk).
 * <p>
 * Failure policy: when no implementation is deployed (no risk module), callers treat nothing as held (fail-open:
 * the platform works without risk control). When the implementation is there but cannot answer (the database is
 * down), its exception propagates and the payout or the coupon use fails with the request (fail-closed): money
 * never leaves because a check could not be made.
 */
public interface RiskHolds {

	/** Whether the account's payouts (withdrawals, referral rewards) are held. */
	boolean payoutsHeld(long accountId);

	/** Whether the account may not use coupons now. */
	boolean couponsHeld(long accountId);
}
