package com.linli.ordering;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.shared.Money;

/** A resident submitted an order; it waits for payment. */
public record OrderPlaced(OrderId orderId, AccountId residentId, PickupPointId pickupPointId, Money total) {
}
