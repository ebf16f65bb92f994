package com.linli.logistics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stop's estimated arrival passed the end of its delivery window: raised once per stop, for the pickup point's
 * leader and the region's operators. {@code etaText} and {@code windowEndText} are local times (HH:mm) of the region.
 */
public record StopWillBeLate(long stopId, long routeId, int routeNo, long regionId, long pickupPointId,
		String pickupPointName, LocalDate pickupDate, Instant eta, Instant windowEnd, long minutesLate, String etaText,
		String windowEndText) {
}
