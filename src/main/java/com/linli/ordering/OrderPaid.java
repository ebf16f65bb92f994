package com.linli.ordering;

import java.time.LocalDate;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.springframework.modulith.events.Externalized;

/** The payment of an order arrived (applied exactly once). */
@Externalized("linli.events::OrderPaid")
public record OrderPaid(OrderId orderId, String orderNo, AccountId residentId, PickupPointId pickupPointId,
		RegionId regionId, LocalDate pickupDate, Money paid, String pickupCode) {
}
