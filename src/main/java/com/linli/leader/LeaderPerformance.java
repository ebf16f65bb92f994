package com.linli.leader;

/**
 * A leader's figures for one period (their pickup point's orders by pickup date, their service and commission by
 * when it happened in the region's zone). Money in fen; rates are percentages rounded to one decimal, null when
 * there is nothing to divide by: {@code repurchaseRate} the share of the period's customers who had ordered at the
 * point before, {@code onTimeReceiptRate} the share of pickup days whose goods were received before the expected
 * hour, {@code collectedWithinDayRate} the share of ready orders picked up within 24 hours, {@code complaintRate}
 * complaints per 100 orders; {@code averageStars} the period's review stars (two decimals). {@code rank} is the place
 * in the region by the figure the list was ranked by (1 = best; ties share a place).
 */
public record LeaderPerformance(LeaderId leaderId, String leaderName, long pickupPointId, String pickupPointName,
		LeaderStatus status, long salesFen, long orders, long customers, long newCustomers, Double repurchaseRate,
		Long averageOrderFen, long receiptDays, long onTimeReceiptDays, Double onTimeReceiptRate, long readyOrders,
		long collectedWithinDay, Double collectedWithinDayRate, long complaints, Double complaintRate, long ratings,
		Double averageStars, long commissionFen, int rank) {

	LeaderPerformance ranked(int place) {
		return new LeaderPerformance(leaderId, leaderName, pickupPointId, pickupPointName, status, salesFen, orders,
				customers, newCustomers, repurchaseRate, averageOrderFen, receiptDays, onTimeReceiptDays,
				onTimeReceiptRate, readyOrders, collectedWithinDay, collectedWithinDayRate, complaints, complaintRate,
				ratings, averageStars, commissionFen, place);
	}
}
