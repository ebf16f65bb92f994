package com.linli.analytics.internal.economics;

import java.time.LocalDate;

/**
 * The contribution margin of a region's day (a pickup date), each component in fen: what residents paid, less the
 * cost of goods (units delivered at supplier prices), the leader commission (accrued less reversed), the delivery
 * cost, the waste (stock written off as damaged or expired, at batch cost) and the refunds.
 * {@code delivery} says where the delivery cost came from; {@code unpricedUnits} are units delivered of SKUs with no
 * supplier price (left out of the cost of goods, and shown).
 */
public record DayMargin(LocalDate date, long orders, long paidFen, long goodsFen, long commissionFen, long deliveryFen,
		DeliverySource delivery, long wasteFen, long refundsFen, long unpricedUnits) {

	/** Where a delivery cost came from. */
	public enum DeliverySource {
		/** The cost of the routes that left that morning (logistics). */
		ROUTES,
		/** No route that morning: the configured cost per crate times the orders (one crate per order assumed). */
		CONFIGURED,
		/** Neither routes nor a configured cost per crate. */
		NONE
	}

	public long marginFen() {
		return paidFen - goodsFen - commissionFen - deliveryFen - wasteFen - refundsFen;
	}

	/** The costs a budget's "costs" compare with: goods, commission, delivery and waste. */
	public long costsFen() {
		return goodsFen + commissionFen + deliveryFen + wasteFen;
	}

	/** The days added up, under one date (the month's first, for a total). */
	public static DayMargin sum(LocalDate label, Iterable<DayMargin> days) {
		long orders = 0, paid = 0, goods = 0, commission = 0, delivery = 0, waste = 0, refunds = 0, unpriced = 0;
		DeliverySource source = DeliverySource.NONE;
		for (DayMargin d : days) {
			orders += d.orders;
			paid += d.paidFen;
			goods += d.goodsFen;
			commission += d.commissionFen;
			delivery += d.deliveryFen;
			waste += d.wasteFen;
			refunds += d.refundsFen;
			unpriced += d.unpricedUnits;
			if (d.delivery == DeliverySource.CONFIGURED || (d.delivery == DeliverySource.ROUTES && source == DeliverySource.NONE)) {
				source = d.delivery;
			}
		}
		return new DayMargin(label, orders, paid, goods, commission, delivery, source, waste, refunds, unpriced);
	}
}
