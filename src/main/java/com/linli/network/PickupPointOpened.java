package com.linli.network;

/** A new pickup point is open for residents and deliveries. */
public record PickupPointOpened(PickupPointId pickupPointId, RegionId regionId) {
}
