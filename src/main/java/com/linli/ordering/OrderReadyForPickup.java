package com.linli.ordering;

import java.time.LocalDate;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;

import org.springframework.modulith.events.Externalized;

/** The leader received the goods of this order: the resident may come and pick it up. */
@Externalized("linli.events::OrderReadyForPickup")
public record OrderReadyForPickup(OrderId orderId, String orderNo, AccountId residentId, PickupPointId pickupPointId,
		LocalDate pickupDate, String pickupCode) {
}
