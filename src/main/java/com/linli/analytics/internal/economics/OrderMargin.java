package com.linli.analytics.internal.economics;

import java.time.LocalDate;
import java.util.List;

/**
 * One order's contribution margin (fen): paid, less its goods at supplier prices, its leader commission, its share
 * of the day's delivery cost and waste (the day's figure over the day's paid orders), and its refunds.
 */
public record OrderMargin(long orderId, String orderNo, long regionId, LocalDate pickupDate, long paidFen, long goodsFen,
		long commissionFen, long deliveryFen, DayMargin.DeliverySource delivery, long wasteFen, long refundsFen,
		long unpricedUnits, List<Line> lines) {

	public long marginFen() {
		return paidFen - goodsFen - commissionFen - deliveryFen - wasteFen - refundsFen;
	}

	/** A line: units delivered, paid, refunded, and its supplier unit cost and goods cost when known. */
	public record Line(long skuId, String skuName, long units, long paidFen, long refundedFen, Double unitCostFen,
			Long goodsFen) {
	}
}
