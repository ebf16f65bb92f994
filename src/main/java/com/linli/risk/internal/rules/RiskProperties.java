package com.linli.risk.internal.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the fraud rules ({@code linli.risk.*}).
 * @param windowDays how far back the rules read orders, coupons and referrals
 * @param phonePrefixMinAccounts accounts on one 9-digit phone prefix that make a flag
 * @param deviceMinAccounts accounts on one device id that make a flag
 * @param selfBuyMinOrders orders of a leader's own accounts at the leader's point that make a flag
 * @param refundMinOrders paid orders a resident needs before their refund rate counts
 * @param refundMinRefunds refunded orders a resident needs before their refund rate counts: one or two refunds among
 *        a few orders happen to ordinary residents (a short delivery, a bruised fruit); among 60,000 residents of a
 *        simulated year, 42 had one or two of four or five orders refunded in 30 days and were flagged
 * @param pointRefundMinOrders paid orders a pickup point needs before its refund rate counts
 * @param refundRateFactor how many times the region's refund rate is abnormal
 * @param refundRateFloor the lowest refund rate ever flagged (so a region with no refunds flags nobody for one)
 * @param burstCount orders placed and cancelled within {@code burstMinutes} that make a burst
 * @param burstMinutes the burst's window
 * @param reservePercent the fund risk reserve as a share of the margin, in percent
 * @param supplierScoreDrop a supplier score falling by more than this (points) versus the previous month is flagged
 * @param qualificationDays a supplier qualification expiring within this many days is flagged
 * @param concentrationPercent (reported, see the supplier section) a category's share from one supplier above this
 */
@ConfigurationProperties("linli.risk")
public record RiskProperties(@DefaultValue("30") int windowDays, @DefaultValue("5") int phonePrefixMinAccounts,
		@DefaultValue("3") int deviceMinAccounts, @DefaultValue("3") int selfBuyMinOrders,
		@DefaultValue("4") int refundMinOrders, @DefaultValue("3") int refundMinRefunds,
		@DefaultValue("20") int pointRefundMinOrders,
		@DefaultValue("3.0") double refundRateFactor, @DefaultValue("0.3") double refundRateFloor,
		@DefaultValue("3") int burstCount, @DefaultValue("30") int burstMinutes, @DefaultValue("5") int reservePercent,
		@DefaultValue("10") double supplierScoreDrop, @DefaultValue("30") int qualificationDays,
		@DefaultValue("70") int concentrationPercent) {

	/** The defaults, for plain tests. */
	public static RiskProperties defaults() {
		return new RiskProperties(30, 5, 3, 3, 4, 3, 20, 3.0, 0.3, 3, 30, 5, 10, 30, 70);
	}
}
