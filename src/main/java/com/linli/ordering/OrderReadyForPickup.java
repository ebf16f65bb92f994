package com.linli.ordering;

import java.time.LocalDate;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;

/** The leader received the goods of this order: the resident may come and pick it up. */
public record OrderReadyForPickup(OrderId orderId, String orderNo, AccountId residentId, PickupPointId pickupPointId,
		LocalDate pickupDate, String pickupCode) {
}
