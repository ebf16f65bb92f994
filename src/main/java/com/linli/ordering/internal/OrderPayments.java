package com.linli.ordering.internal;

import java.time.Clock;
import java.time.Instant;

import com.linli.marketing.OrderPromotions;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderStatus;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment of an order arrived (the payment listener calls this once per payment, as the system). The
 * order becomes PAID with a new pickup code; a payment for an order cancelled meanwhile (the timeout race)
 * is recorded and refunded in full; any other payment (wrong amount, order moved on) is logged and left
 * to the payment module's reconciliation, as before.
 */
@Component
public class OrderPayments {

	private static final Logger log = LoggerFactory.getLogger(OrderPayments.class);

	private final Orders orders;

	private final PickupCodes pickupCodes;

	private final OrderRefunds refunds;

	private final Clock clock;

	private final OrderPromotions promotions;

	OrderPayments(Orders orders, PickupCodes pickupCodes, OrderRefunds refunds, Clock clock, OrderPromotions promotions) {
		this.promotions = promotions;
		this.orders = orders;
		this.pickupCodes = pickupCodes;
		this.refunds = refunds;
		this.clock = clock;
	}

	@Transactional
	public void paymentArrived(OrderId id, Money amount, Instant paidAt) {
		var order = orders.find(id).orElseThrow(() -> new NotFoundException("order", id));
		if (order.status() == OrderStatus.PENDING_PAYMENT && amount.equals(order.total())) {
			order.pay(amount, pickupCodes.newCode(order.pickupPointId()), paidAt);
			try {
				orders.save(order);
				orders.timeline(id, clock.instant(), OrderStatus.PAID, Orders.note("paid"));
				// marketing's tools (referral rewards, points earned) hear of it in the order's transaction
				promotions.paid(id.value(), order.residentId(), order.regionId(), amount, paidAt);
				return;
			}
			catch (BusinessRuleException e) {
				if (!"changed-concurrently".equals(e.code())) {
					throw e;
				}
				// cancelled meanwhile (expiry or cutoff won the race): the money arrived late, refund it below
				order = orders.find(id).orElseThrow();
			}
		}
		if (order.isLatePayment(amount)) {
			Money refund = order.payAfterCancellation(amount);
			refunds.refundWholeOrder(order, refund, "late-payment", "late-payment",
					Text.of("ordering.refund.paidAfterCancellation").stored());
			orders.save(order);
			orders.timeline(id, clock.instant(), OrderStatus.CANCELLED, Orders.note("latePaymentRefunded"));
			return;
		}
		log.warn("Payment of {} for order {} in status {} (total {}) not applied", amount, order.orderNo(),
				order.status(), order.total());
	}
}
