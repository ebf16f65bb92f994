package com.linli.logistics;

import java.time.Instant;
import java.time.LocalDate;

/** The driver handed a stop's goods to the pickup point (the leader's receipt follows). */
public record StopHandedOver(long stopId, long routeId, long planId, long regionId, long pickupPointId,
		LocalDate pickupDate, Long driverAccountId, Instant handedOverAt, boolean inOrder) {
}
