package com.linli.analytics.internal.tracking;

import java.time.Clock;

import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderPaid;
import com.linli.shared.TrackedEvent;
import com.linli.shared.Tracking;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A paid order is the funnel's last step: one payment event per line (so a funnel of one product or category sees
 * it), with the order's resident, pickup point and region, at the time it was paid. Recorded by the server from the
 * payment (client {@code SERVER}), not by a storefront.
 */
@Component
class TrackingPaymentListener {

	private final OrderManagement orders;

	private final Tracking tracking;

	private final Clock clock;

	TrackingPaymentListener(OrderManagement orders, Tracking tracking, Clock clock) {
		this.orders = orders;
		this.tracking = tracking;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OrderPaid paid) {
		var order = orders.get(paid.orderId());
		var at = order.paidAt() != null ? order.paidAt() : clock.instant();
		for (var line : order.lines()) {
			tracking.record(TrackedEvent.of(TrackedEvent.Kind.PAYMENT, at, paid.residentId().value(),
					TrackedEvent.Client.SERVER)
				.at(paid.pickupPointId().value(), paid.regionId().value())
				.product(line.listingId().value(), line.skuId().value())
				.order(paid.orderId().value()));
		}
	}
}
