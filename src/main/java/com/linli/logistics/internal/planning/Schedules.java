package com.linli.logistics.internal.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.linli.logistics.Load;
import com.linli.logistics.RouteStatus;
import com.linli.logistics.internal.RoutePlans.NewRoute;
import com.linli.logistics.internal.RoutePlans.NewStop;
import com.linli.logistics.internal.planning.FleetOfDay.Vehicle;
import com.linli.logistics.internal.planning.TravelModel.Matrix;

/**
 * The timing and figures of a route, the same for the solver's routes and the operator's edits: the
 * vehicle leaves at its shift start, or later when the first stop's window opens later (it leaves just in
 * time), drives each leg at the travel model's time, waits for a window that is not open yet, serves each
 * stop, and comes back. A stop reached after its window closes is late by the minutes past. Cost in fen:
 * km × cost per km + hours × cost per hour + the fixed cost.
 */
public final class Schedules {

	private Schedules() {
	}

	/** A stop to plan: times in minutes from midnight of the pickup date in the region's zone. */
	public record StopInput(long pickupPointId, String name, String address, double latitude, double longitude,
			double readyMinutes, double dueMinutes, int serviceMinutes, Load load, int orders) {

		int[] crates() {
			return new int[] { load.ambientCrates(), load.chilledCrates(), load.frozenCrates() };
		}
	}

	/** Minutes from midnight of a local time. */
	public static double minutes(LocalTime time) {
		return time.toSecondOfDay() / 60.0;
	}

	public static Instant at(LocalDate date, ZoneId zone, double minutes) {
		return date.atStartOfDay(zone).toInstant().plusSeconds(Math.round(minutes * 60));
	}

	public static double minutesOf(LocalDate date, ZoneId zone, Instant instant) {
		return (instant.getEpochSecond() - date.atStartOfDay(zone).toInstant().getEpochSecond()) / 60.0;
	}

	/**
	 * The route of a vehicle through the stops in order; {@code nodes[k]} is stop k's index in the matrix
	 * (0 the warehouse).
	 */
	public static NewRoute route(int routeNo, Vehicle vehicle, List<StopInput> stops, int[] nodes, Matrix matrix,
			LocalDate date, ZoneId zone) {
		double shiftStart = minutes(vehicle.start());
		double depart = shiftStart;
		if (!stops.isEmpty()) {
			depart = Math.max(shiftStart, stops.get(0).readyMinutes() - matrix.minutes(0, nodes[0]));
		}
		double time = depart;
		double metres = 0;
		int previous = 0;
		List<NewStop> planned = new ArrayList<>();
		for (int k = 0; k < stops.size(); k++) {
			StopInput s = stops.get(k);
			time += matrix.minutes(previous, nodes[k]);
			metres += matrix.metres()[previous][nodes[k]];
			time = Math.max(time, s.readyMinutes());
			int late = (int) Math.max(0, Math.ceil(time - s.dueMinutes() - 1e-6));
			planned.add(new NewStop(s.pickupPointId(), s.name(), s.address(), s.latitude(), s.longitude(),
					at(date, zone, s.readyMinutes()), at(date, zone, s.dueMinutes()), s.serviceMinutes(), at(date, zone, time),
					late, s.load(), s.orders()));
			time += s.serviceMinutes();
			previous = nodes[k];
		}
		time += matrix.minutes(previous, 0);
		metres += matrix.metres()[previous][0];
		double km = Math.round(metres / 10.0) / 100.0;
		double hours = (time - depart) / 60.0;
		long cost = Math.round(km * vehicle.costPerKmFen() + hours * vehicle.costPerHourFen()) + vehicle.fixedCostFen();
		return new NewRoute(routeNo, vehicle.id(), vehicle.driverAccountId(), RouteStatus.PLANNED, at(date, zone, depart),
				at(date, zone, time), km, cost, planned);
	}

	/** The zone over capacity on the vehicle, or -1: 0 ambient, 1 chilled, 2 frozen, 3 kg. */
	public static int overCapacity(Vehicle vehicle, Load load) {
		int[] crates = { load.ambientCrates(), load.chilledCrates(), load.frozenCrates() };
		for (int z = 0; z < 3; z++) {
			if (crates[z] > vehicle.crates()[z]) {
				return z;
			}
		}
		return load.kg() > vehicle.maxKg() + 1e-9 ? 3 : -1;
	}
}
