package com.linli.marketing;

/** What an operator enters for a membership level (a new one, or the changes to one). */
public record NewMembershipLevel(int rank, String name, long growthThreshold, String privileges,
		Long monthlyCouponTemplateId, int flashEarlyMinutes) {
}
