package com.linli.analytics.internal.facts;

import com.linli.ordering.OrderCancelled;
import com.linli.ordering.OrderFacts;
import com.linli.ordering.OrderLineRefunded;
import com.linli.ordering.OrderPaid;
import com.linli.shared.events.BrokerEvents;
import com.linli.shared.events.EventQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With the broker, the facts come from analytics' queue {@code linli.analytics}: the listener's own methods, on
 * an instance that is not a bean (so nothing also runs them in-process), each event once through the inbox.
 */
@Configuration(proxyBeanMethods = false)
@BrokerEvents
class FactsQueue {

	@Bean
	EventQueue analyticsEventQueue(OrderFacts orders, FactsWriter writer) {
		var listener = new FactsListener(orders, writer);
		return EventQueue.of("analytics")
			.on(OrderPaid.class, "facts", listener::on)
			.on(OrderCancelled.class, "facts", listener::on)
			.on(OrderLineRefunded.class, "facts", listener::on);
	}
}
