package com.linli.leader;

/**
 * ACCRUAL: commission earned on a picked-up line; REVERSAL: given back when picked-up units are refunded.
 * Incentives: REFERRAL, the referrer's commission (平推佣金) on an accrual of a leader they referred, and
 * REFERRAL_REVERSAL its share given back; REFERRAL_REWARD, the one-off reward for a referred leader who reached the
 * sales threshold; CONTEST_REWARD, the cash reward of a monthly contest's rank. HANDLING_FEE: the fixed fee per
 * picked-up order of a pickup-only point (纯自提点).
 */
public enum CommissionEntryKind {
	ACCRUAL, REVERSAL, REFERRAL, REFERRAL_REVERSAL, REFERRAL_REWARD, CONTEST_REWARD, HANDLING_FEE;

	/** An incentive (referral or contest) rather than commission on the leader's own sales or a handling fee. */
	public boolean incentive() {
		return this == REFERRAL || this == REFERRAL_REVERSAL || this == REFERRAL_REWARD || this == CONTEST_REWARD;
	}
}
