package com.linli.ordering;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.shared.Money;

import org.springframework.modulith.events.Externalized;

/** An order was cancelled: by the resident, by expiry of its payment window, or at cutoff unpaid. */
@Externalized("linli.events::OrderCancelled")
public record OrderCancelled(OrderId orderId, String orderNo, AccountId residentId, PickupPointId pickupPointId,
		String reason, Money refunded) {
}
