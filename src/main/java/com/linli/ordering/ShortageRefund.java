package com.linli.ordering;

import java.util.List;

import com.linli.shared.Money;

/**
 * What {@link OrderRefundManagement#refundShortage} refunded: {@code units} of the units asked (fewer when the
 * region's orders held fewer), {@code amount} over the listed lines.
 */
public record ShortageRefund(int units, Money amount, List<Refunded> lines) {

	public int orders() {
		return (int) lines.stream().map(Refunded::orderId).distinct().count();
	}

	/** One line's part of the refund. */
	public record Refunded(OrderId orderId, OrderLineId lineId, int units, Money amount) {
	}
}
