package com.linli.logistics;

import java.time.Instant;

/** One vehicle's route in a plan, as stored: its figures, its load and where it stands. */
public record PlannedRoute(long id, long planId, int routeNo, long vehicleId, Long driverAccountId, RouteStatus status,
		Instant departAt, Instant returnAt, double km, long costFen, Load load, Instant departedAt, Instant completedAt,
		int version) {
}
