package com.linli.logistics;

import java.time.Instant;

/**
 * A stop of a route, as stored: the pickup point (name, address and position copied at planning time),
 * its delivery window, the planned arrival and lateness, its load and where it stands.
 */
public record PlannedStop(long id, long routeId, long planId, int seq, long pickupPointId, String pickupPointName,
		String address, double latitude, double longitude, Instant windowStart, Instant windowEnd, int serviceMinutes,
		Instant plannedArrival, int lateMinutes, Load load, int orders, StopStatus status, Instant arrivedAt,
		Instant handedOverAt, String skipReason, int version) {
}
