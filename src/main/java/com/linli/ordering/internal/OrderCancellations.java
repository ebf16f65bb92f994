package com.linli.ordering.internal;

import java.time.Instant;

import com.linli.marketing.ListingReservations;
import com.linli.marketing.OrderPromotions;
import com.linli.ordering.Order;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderStatus;
import com.linli.payment.PaymentManagement;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * Carries out a cancel the {@link Order} decided ({@code cancelByResident}, {@code cancelByStaff},
 * {@code expire}, {@code cancelAtCutoff}), within the caller's transaction: saves the order (a lost race
 * is a 409 before anything else happens), gives its units back to the listings, refunds a paid order in
 * full or closes the open payment of an unpaid one, tells marketing ({@link OrderPromotions#cancelled}) and
 * writes the timeline.
 */
@Component
public class OrderCancellations {

	/** The reason code of the refund of an order an operator cancelled. */
	public static final String STAFF_CANCEL = "STAFF_CANCEL";

	private final Orders orders;

	private final OrderRefunds refunds;

	private final ListingReservations reservations;

	private final PaymentManagement payments;

	private final OrderPromotions promotions;

	OrderCancellations(Orders orders, OrderRefunds refunds, ListingReservations reservations,
			PaymentManagement payments, OrderPromotions promotions) {
		this.orders = orders;
		this.refunds = refunds;
		this.reservations = reservations;
		this.payments = payments;
		this.promotions = promotions;
	}

	/** Applies the cancel {@code cancellation} the order just made of itself. */
	public void apply(Order order, Order.Cancellation cancellation, Instant now) {
		String reason = cancellation.reason();
		if (cancellation.refunds()) {
			if (reason.startsWith("STAFF")) {
				refunds.refundWholeOrder(order, cancellation.refund(), "cancel", STAFF_CANCEL,
						Text.of("ordering.refund.cancelledByPlatform").stored());
			}
			else {
				refunds.refundWholeOrder(order, cancellation.refund(), "cancel", "cancel",
						Text.of("ordering.refund.cancelledByResident").stored());
			}
		}
		orders.save(order);
		// coupons returned, points given back, team places released: once, as the save made the move once
		promotions.cancelled(order.id().value(), order.residentId(), now);
		for (Order.UnitsBack back : cancellation.unitsBack()) {
			reservations.release(back.listingId(), order.residentId(), back.units());
		}
		// the payment is opened at the cashier: an order nobody went to pay has none to close
		if (!cancellation.refunds() && payments.find(OrderManagement.merchantReference(order.id())).isPresent()) {
			payments.close(OrderManagement.merchantReference(order.id()));
		}
		orders.timeline(order.id(), now, OrderStatus.CANCELLED, switch (reason) {
			case Order.EXPIRED -> Orders.note("expired");
			case Order.CUTOFF_UNPAID -> Orders.note("cutoffUnpaid");
			case Order.CUTOFF_EARLY -> Orders.note("cutoffEarly");
			case Order.RESIDENT_REFUND -> Orders.note("cancelledRefunded");
			case Order.STAFF -> Orders.note("cancelledByStaff");
			case Order.STAFF_REFUND -> Orders.note("cancelledByStaffRefunded");
			default -> Orders.note("cancelled");
		});
	}
}
