package com.linli.marketing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.linli.marketing.internal.RiskSignalQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What risk control reads of marketing (issue 16): the referrals of some accounts (as inviter or invitee) with the
 * device id each binding was made on, and the coupons they hold. Read-only; two indexed queries.
 */
@Service
@Transactional(readOnly = true)
public class MarketingRiskSignals {

	private final RiskSignalQueries queries;

	MarketingRiskSignals(RiskSignalQueries queries) {
		this.queries = queries;
	}

	/** A referral binding: {@code status} BOUND (the reward pending), REWARDED or REFUSED. */
	public record ReferralTrace(long referralId, long inviterId, long inviteeId, String deviceId, String status,
			String refusalReason, Instant boundAt) {
	}

	/** A coupon held by a resident: {@code source} "claim:n" for the coupon centre, else the granting tool's. */
	public record CouponTrace(long couponId, long residentId, long templateId, String source, String status,
			Instant issuedAt) {
	}

	/** The referrals in which one of the accounts is the inviter or the invitee. */
	public List<ReferralTrace> referralsOf(Collection<Long> accounts) {
		return queries.referralsOf(accounts);
	}

	/** The coupons the accounts were issued at or after {@code since}. */
	public List<CouponTrace> couponsOf(Collection<Long> accounts, Instant since) {
		return queries.couponsOf(accounts, since);
	}
}
