package com.linli.risk.internal.rules;

import java.util.List;
import java.util.Map;

import com.linli.marketing.MarketingRiskSignals.CouponTrace;
import com.linli.marketing.MarketingRiskSignals.ReferralTrace;
import com.linli.ordering.OrderRiskFigures.OrderTrace;

/**
 * What the rules read about one region, gathered through the modules' APIs: the phones of the region's residents
 * (bound to its pickup points or ordering there), its leaders by pickup point, its recent orders, the referrals
 * and coupons of those residents.
 */
public record RegionData(long regionId, Map<Long, String> phones, Map<Long, LeaderInfo> leadersByPoint,
		List<OrderTrace> orders, List<ReferralTrace> referrals, List<CouponTrace> coupons) {

	/** A leader of a pickup point: the leader's id, their account and phone. */
	public record LeaderInfo(long leaderId, long accountId, String name, String phone) {
	}
}
