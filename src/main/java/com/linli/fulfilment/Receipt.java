package com.linli.fulfilment;

import java.time.Instant;
import java.time.LocalDate;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * Goods received at a pickup point for a pickup date: orders made ready (or cancelled when nothing
 * of them arrived), units reported missing or damaged and the amount refunded for them.
 */
public record Receipt(long id, PickupPointId pickupPointId, LocalDate pickupDate, RegionId regionId,
		AccountId receivedBy, Instant receivedAt, int ordersReady, int ordersCancelled, int shortLines,
		int shortUnits, Money refunded, String reason) {
}
