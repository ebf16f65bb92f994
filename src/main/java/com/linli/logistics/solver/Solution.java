package com.linli.logistics.solver;

import java.util.List;

/**
 * Routes of customer indices (1..n, the depot implied at both ends), the cost (distance; with a
 * heterogeneous fleet each route's distance and travel time at its vehicle type's costs plus the type's
 * fixed cost), and per route its load (all zones), its lateness (time past the windows, 0 without time
 * windows) and its vehicle type (index in the problem's fleet, 0 without one).
 */
public record Solution(List<int[]> routes, double cost, int[] loads, double[] lateness, int[] vehicleTypes) {

	/** Evaluates routes on the problem: distance, loads, and lateness when the problem has windows. */
	public static Solution of(Problem problem, List<int[]> routes) {
		return of(problem, routes, new int[routes.size()]);
	}

	/** As {@link #of(Problem, List)}, route r driven by a vehicle of type {@code vehicleTypes[r]}. */
	public static Solution of(Problem problem, List<int[]> routes, int[] vehicleTypes) {
		double cost = 0;
		int[] loads = new int[routes.size()];
		double[] lateness = new double[routes.size()];
		for (int r = 0; r < routes.size(); r++) {
			int[] route = routes.get(r);
			VehicleType type = problem.hasFleet() ? problem.fleet().get(vehicleTypes[r]) : null;
			int previous = 0;
			double time = problem.hasTimeWindows() ? problem.ready()[0] : 0;
			for (int c : route) {
				cost += legCost(problem, type, previous, c);
				loads[r] += problem.demand()[c];
				if (problem.hasTimeWindows()) {
					time = Math.max(time + problem.duration()[previous][c], problem.ready()[c]);
					lateness[r] += Math.max(0, time - problem.due()[c]);
					time += problem.service()[c];
				}
				previous = c;
			}
			cost += legCost(problem, type, previous, 0);
			if (type != null) {
				cost += type.fixedCost();
			}
			if (problem.hasTimeWindows()) {
				time += problem.duration()[previous][0];
				lateness[r] += Math.max(0, time - problem.due()[0]);
			}
		}
		return new Solution(List.copyOf(routes), cost, loads, lateness, vehicleTypes.clone());
	}

	private static double legCost(Problem problem, VehicleType type, int from, int to) {
		return type == null ? problem.distance()[from][to] : type.arcCost(problem.distance()[from][to], problem.duration()[from][to]);
	}
}
