package com.linli.logistics;

import java.time.Instant;
import java.util.List;

/**
 * A route of the morning on the tracking board: who drives what, where it stands, the current delay (minutes behind
 * plan: the last arrival against its planned time, or the departure not yet made), the stops with their estimates,
 * the last position and the exceptions reported.
 */
public record TrackedRoute(PlannedRoute route, RoutePlan plan, String driverName, String vehiclePlate, long delayMinutes,
		int stopsDone, int stopsTotal, RoutePosition lastPosition, List<StopEta> stops, List<RouteException> exceptions) {

	public Instant lastPositionAt() {
		return lastPosition == null ? null : lastPosition.recordedAt();
	}

	public long lateStops() {
		return stops.stream().filter(StopEta::willMissWindow).count();
	}
}
