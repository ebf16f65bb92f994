package com.linli.fulfilment.internal.web;

import java.util.List;

import com.linli.ordering.Order;
import com.linli.ordering.OrderLine;
import com.linli.shared.Money;

/**
 * The receipt's confirmation step: the order lines with units reported missing, and what refunding
 * them returns to the residents (the price paid per unit, as the refund itself counts it).
 */
public record ShortageSummary(List<Line> lines, int units, Money amount) {

	/** Units missing of one order line, and their refund. */
	public record Line(Order order, OrderLine line, int units, Money amount) {
	}
}
