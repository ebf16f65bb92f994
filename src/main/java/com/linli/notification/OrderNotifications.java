package com.linli.notification;

import com.linli.network.PickupPointManagement;
import com.linli.network.KeeperManagement;
import com.linli.network.PickupPoint;
import com.linli.notification.internal.Notifier;
import com.linli.notification.internal.Notifier.Notice;
import com.linli.ordering.OrderCancelled;
import com.linli.ordering.OrderLineRefunded;
import com.linli.ordering.OrderPaid;
import com.linli.ordering.OrderReadyForPickup;
import com.linli.shared.Money;
import com.linli.shared.Text;
import com.linli.shared.events.InProcessEvents;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells residents, and the leader of their pickup point, what happened to their orders. Each
 * listener runs after ordering's transaction committed, in its own; a redelivered event finds its
 * message's dedupe key taken and writes nothing. With the broker ({@code linli.events.broker=rabbitmq}) this
 * bean is not made: {@link NotificationQueue} calls the same methods from notification's queue.
 */
@Component
@InProcessEvents
class OrderNotifications {

	private final Notifier notifier;

	private final PickupPointManagement network;

	private final KeeperManagement keepers;

	OrderNotifications(Notifier notifier, PickupPointManagement network, KeeperManagement keepers) {
		this.notifier = notifier;
		this.network = network;
		this.keepers = keepers;
	}

	/** The reason codes of refunds an after-sales request made ("AFTERSALES_" + its reason). */
	private static final String AFTER_SALES_REASONS = "AFTERSALES_";

	@ApplicationModuleListener
	void on(OrderPaid event) {
		PickupPoint point = network.getPickupPoint(event.pickupPointId());
		notifier.post(new Notice(event.residentId(), MessageKind.ORDER_PAID, "paid:" + event.orderId(),
				orderLink(event.orderId().value()), "notification.paid", args(event.pickupCode()),
				args(event.orderNo(), event.paid().toString(), event.pickupDate(), point.name())));
	}

	@ApplicationModuleListener
	void on(OrderReadyForPickup event) {
		PickupPoint point = network.getPickupPoint(event.pickupPointId());
		notifier.post(new Notice(event.residentId(), MessageKind.ORDER_READY, "ready:" + event.orderId(),
				orderLink(event.orderId().value()), "notification.ready", args(),
				args(event.orderNo(), point.name(), point.address(), Notifier.hours(point), event.pickupCode())));
	}

	@ApplicationModuleListener
	void on(OrderLineRefunded event) {
		String amount = event.amount().toString();
		Text reason = event.afterPickup() ? Text.of("notification.reason.afterPickup")
				: notifier.textOrElse("notification.reason." + event.reason(), "notification.reason.other");
		// the event carries no refund reference: these fields tell one refund of a line from another
		String refund = event.lineId() + ":" + event.quantity() + ":" + event.amount().fen() + ":" + event.reason()
				+ ":" + event.afterPickup();
		if (event.reason() == null || !event.reason().startsWith(AFTER_SALES_REASONS)) {
			// an after-sales refund is told to the resident by after-sales itself (with its request): one message
			notifier.post(new Notice(event.residentId(), MessageKind.REFUND, "refund:" + refund,
					orderLink(event.orderId().value()), "notification.refund", args(amount),
					args(event.orderNo(), event.skuName(), Integer.toString(event.quantity()), reason, amount)));
		}
		keepers.keeperOf(event.pickupPointId())
			.ifPresent(leader -> notifier.post(new Notice(leader, MessageKind.LEADER_REFUND, "leader-refund:" + refund,
					"/leader", "notification.leaderRefund", args(event.orderNo()),
					args(event.orderNo(), event.skuName(), Integer.toString(event.quantity()), reason, amount))));
	}

	@ApplicationModuleListener
	void on(OrderCancelled event) {
		String link = orderLink(event.orderId().value());
		String key = "cancelled:" + event.orderId();
		if (event.refunded().isGreaterThan(Money.ZERO)) {
			String amount = event.refunded().toString();
			notifier.post(new Notice(event.residentId(), MessageKind.REFUND, key, link, "notification.cancelRefund",
					args(amount), args(event.orderNo(), amount)));
		}
		else if ("EXPIRED".equals(event.reason())) {
			notifier.post(new Notice(event.residentId(), MessageKind.ORDER_CANCELLED, key, link,
					"notification.expired", args(), args(event.orderNo())));
		}
		else if ("CUTOFF_EARLY".equals(event.reason())) {
			// the cutoff came before the time residents were shown: say so, not "you did not pay in time"
			notifier.post(new Notice(event.residentId(), MessageKind.ORDER_CANCELLED, key, link,
					"notification.cutoffEarly", args(), args(event.orderNo())));
		}
		else if ("CUTOFF_UNPAID".equals(event.reason())) {
			notifier.post(new Notice(event.residentId(), MessageKind.ORDER_CANCELLED, key, link,
					"notification.cutoffUnpaid", args(), args(event.orderNo())));
		}
		// an unpaid order the resident cancelled themselves needs no message
	}

	static String orderLink(long orderId) {
		return "/shop/orders/" + orderId;
	}

	private static Object[] args(Object... args) {
		return args;
	}
}
