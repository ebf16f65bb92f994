package com.linli.marketing;

/**
 * A membership level (会员等级) operators configure: its rank (0 the entry level; higher ranks grant
 * more), name, the growth value (成长值) that reaches it, the privileges in words, the coupon template
 * its members get on the first day of each month (null: none) and how many minutes before everyone
 * else its members may buy in a flash sale.
 */
public record MembershipLevel(long id, int rank, String name, long growthThreshold, String privileges,
		Long monthlyCouponTemplateId, int flashEarlyMinutes) {
}
