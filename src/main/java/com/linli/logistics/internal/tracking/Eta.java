package com.linli.logistics.internal.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.linli.logistics.PlannedRoute;
import com.linli.logistics.PlannedStop;
import com.linli.logistics.RouteStatus;
import com.linli.logistics.StopStatus;

/**
 * The estimated arrival at each stop still to come: its planned arrival plus the route's current delay. The delay
 * is max(0, actual arrival − planned arrival) of the last stop arrived at; before any arrival, the departure's
 * delay (actual − planned departure), or now − planned departure while the truck has not left. A truck overdue
 * at its next stop (now already past the estimate) pushes the estimates of the rest by as much.
 */
public final class Eta {

	private Eta() {
	}

	/** The estimate of one stop; {@code eta} is null for a stop already arrived at, handed over or skipped. */
	public record Estimate(PlannedStop stop, Instant eta, boolean willMissWindow) {
	}

	public static Duration delay(PlannedRoute route, List<PlannedStop> stops, Instant now) {
		PlannedStop last = null;
		for (PlannedStop s : stops) {
			if (s.arrivedAt() != null && (last == null || s.seq() > last.seq())) {
				last = s;
			}
		}
		Duration delay;
		if (last != null) {
			delay = Duration.between(last.plannedArrival(), last.arrivedAt());
		}
		else if (route.departedAt() != null) {
			delay = Duration.between(route.departAt(), route.departedAt());
		}
		else if (route.status() == RouteStatus.PLANNED || route.status() == RouteStatus.LOCKED) {
			delay = Duration.between(route.departAt(), now);
		}
		else {
			delay = Duration.ZERO;
		}
		return delay.isNegative() ? Duration.ZERO : delay;
	}

	public static List<Estimate> estimates(PlannedRoute route, List<PlannedStop> stops, Instant now) {
		Duration delay = delay(route, stops, now);
		List<Estimate> out = new ArrayList<>();
		boolean first = true;
		for (PlannedStop s : stops) {
			if (s.status() != StopStatus.PENDING || route.status() == RouteStatus.COMPLETED) {
				out.add(new Estimate(s, null, false));
				continue;
			}
			Instant eta = s.plannedArrival().plus(delay);
			if (first && route.departedAt() != null && eta.isBefore(now)) {
				// overdue at the next stop: it cannot arrive before now, nor the rest before their share of it
				delay = delay.plus(Duration.between(eta, now));
				eta = now;
			}
			first = false;
			out.add(new Estimate(s, eta, eta.isAfter(s.windowEnd())));
		}
		return out;
	}
}
