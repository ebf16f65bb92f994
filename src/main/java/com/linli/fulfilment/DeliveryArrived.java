package com.linli.fulfilment;

import java.time.LocalDate;

import com.linli.network.PickupPointId;
import com.linli.shared.Money;

/** The leader confirmed the goods of a pickup date at their pickup point; shortages were refunded. */
public record DeliveryArrived(PickupPointId pickupPointId, LocalDate pickupDate, int ordersReady, Money refunded) {
}
