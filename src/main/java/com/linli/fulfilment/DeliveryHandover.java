package com.linli.fulfilment;

import java.time.Instant;
import java.time.LocalDate;

import com.linli.network.PickupPointId;

/**
 * The driver handed a pickup point's goods of a pickup date to its leader (logistics records it when the
 * stop is handed over); the leader's receipt ({@link DeliveryManagement#receive}) follows as before.
 */
public record DeliveryHandover(long id, PickupPointId pickupPointId, LocalDate pickupDate, Long driverAccountId,
		String driverName, Instant handedOverAt) {
}
