package com.linli.notification;

import com.linli.network.KeeperManagement;
import com.linli.network.PickupPointManagement;
import com.linli.notification.internal.Notifier;
import com.linli.ordering.OrderCancelled;
import com.linli.ordering.OrderLineRefunded;
import com.linli.ordering.OrderPaid;
import com.linli.ordering.OrderReadyForPickup;
import com.linli.shared.events.BrokerEvents;
import com.linli.shared.events.EventQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With the broker, residents' order messages come from notification's queue {@code linli.notification}: the
 * methods of {@link OrderNotifications} on an instance that is not a bean, each event once through the inbox.
 */
@Configuration(proxyBeanMethods = false)
@BrokerEvents
class NotificationQueue {

	@Bean
	EventQueue notificationEventQueue(Notifier notifier, PickupPointManagement network, KeeperManagement keepers) {
		var notifications = new OrderNotifications(notifier, network, keepers);
		return EventQueue.of("notification")
			.on(OrderPaid.class, "orders", notifications::on)
			.on(OrderReadyForPickup.class, "orders", notifications::on)
			.on(OrderCancelled.class, "orders", notifications::on)
			.on(OrderLineRefunded.class, "orders", notifications::on);
	}
}
