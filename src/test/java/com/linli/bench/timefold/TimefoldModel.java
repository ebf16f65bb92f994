package com.linli.bench.timefold;

import java.util.ArrayList;
import java.util.List;

import com.linli.logistics.solver.Problem;
import com.linli.logistics.solver.VehicleType;

/**
 * A {@link Problem} as a Timefold planning solution: one {@link TfVehicle} per vehicle of the fleet (or,
 * without one, enough vehicles of the problem's capacity), one {@link TfVisit} per customer. Scores are
 * longs: distances, costs and times are scaled by {@link #SCALE} and rounded.
 */
final class TimefoldModel {

	/** Score units per distance unit: exact for integer and one-decimal distances (CVRPLIB X, Solomon). */
	static final double SCALE = 10;

	final double[][] distance;

	final double[][] duration;

	final double[] ready;

	final double[] due;

	final double[] serviceTimes;

	final TfPlan plan;

	TimefoldModel(Problem problem) {
		this.distance = problem.distance();
		this.duration = problem.duration();
		this.ready = problem.ready();
		this.due = problem.due();
		this.serviceTimes = problem.service();
		int n = problem.customers();
		int zones = problem.hasFleet() ? problem.zoneDemand().length : 1;
		List<TfVisit> visits = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			int[] demand = new int[zones];
			for (int z = 0; z < zones; z++) {
				demand[z] = problem.hasFleet() ? problem.zoneDemand()[z][i] : problem.demand()[i];
			}
			visits.add(new TfVisit(i, demand));
		}
		List<TfVehicle> vehicles = new ArrayList<>();
		if (problem.hasFleet()) {
			for (int t = 0; t < problem.fleet().size(); t++) {
				VehicleType type = problem.fleet().get(t);
				for (int k = 0; k < type.count(); k++) {
					vehicles.add(new TfVehicle(t, type.capacity(), type.fixedCost(), type.costPerDistance(), this));
				}
			}
		}
		else {
			long total = 0;
			for (int i = 1; i <= n; i++) {
				total += problem.demand()[i];
			}
			// Without a fleet size (CVRP): a few vehicles more than the load needs; unused ones cost nothing.
			int count = problem.vehicles() > 0 ? problem.vehicles()
					: (int) Math.min(n, Math.ceil(1.1 * total / problem.capacity()) + 2);
			for (int k = 0; k < count; k++) {
				vehicles.add(new TfVehicle(0, new int[] { problem.capacity() }, 0, 1, this));
			}
		}
		this.plan = new TfPlan(vehicles, visits);
	}

	double service(int node) {
		return serviceTimes == null ? 0 : serviceTimes[node];
	}

	static long scaled(double value) {
		return Math.round(value * SCALE);
	}
}
