package com.linli.analytics.internal.facts;

import com.linli.ordering.OrderCancelled;
import com.linli.ordering.OrderFacts;
import com.linli.ordering.OrderLineRefunded;
import com.linli.ordering.OrderPaid;
import com.linli.shared.events.InProcessEvents;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the facts tables up to date from ordering's events, after their transactions and off the order path
 * (asynchronous, through the event publication registry: a crash re-runs the listener, and {@link FactsWriter}
 * applies each event once). Each reads the order as it is now through {@link OrderFacts}. With the broker
 * ({@code linli.events.broker=rabbitmq}) this bean is not made: {@link FactsQueue} calls the same methods from
 * analytics' queue.
 */
@Component
@InProcessEvents
class FactsListener {

	private final OrderFacts orders;

	private final FactsWriter writer;

	FactsListener(OrderFacts orders, FactsWriter writer) {
		this.orders = orders;
		this.writer = writer;
	}

	@ApplicationModuleListener
	void on(OrderPaid event) {
		orders.paidOrder(event.orderId()).ifPresent(writer::paid);
	}

	/** Only a cancel after payment refunds something; an unpaid cancel is not in the facts. */
	@ApplicationModuleListener
	void on(OrderCancelled event) {
		orders.paidOrder(event.orderId()).filter(OrderFacts.PaidOrder::cancelled).ifPresent(writer::cancelled);
	}

	@ApplicationModuleListener
	void on(OrderLineRefunded event) {
		orders.paidOrder(event.orderId()).ifPresent(order -> order.lines().stream()
			.filter(l -> l.lineId() == event.lineId().value())
			.findFirst()
			.ifPresent(line -> {
				String key = event.reference() != null ? "refund:" + event.reference()
						: "refund:" + event.orderId().value() + ":" + line.lineId() + ":" + event.quantity() + ":"
								+ event.amount().fen();
				boolean first = event.reference() != null ? event.reference().equals(line.firstRefundReference())
						: line.lineRefundedQuantity() == event.quantity();
				writer.lineRefunded(order, line, key, event.amount().fen(), first);
			}));
	}
}
