package com.linli.logistics.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks routes against an instance (or a problem) on its own, sharing no code with the solvers' evaluation: each
 * customer served exactly once, no route over capacity, time windows met (waiting allowed, the return
 * to the depot before it closes), and the cost recomputed from the coordinates with the instance's
 * distance convention.
 */
public final class SolutionChecker {

	/** The recomputed cost and every violation found (none: the solution is valid). */
	public record Report(double cost, List<String> violations) {

		public boolean valid() {
			return violations.isEmpty();
		}
	}

	private SolutionChecker() {
	}

	public static Report check(Instance instance, List<int[]> routes) {
		int n = instance.customers();
		List<String> violations = new ArrayList<>();
		int[] visits = new int[n + 1];
		double cost = 0;
		for (int r = 0; r < routes.size(); r++) {
			int[] route = routes.get(r);
			long load = 0;
			int at = 0;
			double time = instance.hasTimeWindows() ? instance.ready()[0] : 0;
			for (int customer : route) {
				if (customer < 1 || customer > n) {
					violations.add("route " + (r + 1) + " visits " + customer + ", not a customer");
					continue;
				}
				visits[customer]++;
				load += instance.demand()[customer];
				double leg = legLength(instance, at, customer);
				cost += leg;
				if (instance.hasTimeWindows()) {
					time = Math.max(time + leg, instance.ready()[customer]);
					if (time > instance.due()[customer] + 1e-6) {
						violations.add("route " + (r + 1) + " reaches customer " + customer + " at " + time + ", after its window closes at "
								+ instance.due()[customer]);
					}
					time += instance.service()[customer];
				}
				at = customer;
			}
			double back = legLength(instance, at, 0);
			cost += back;
			if (instance.hasTimeWindows() && time + back > instance.due()[0] + 1e-6) {
				violations.add("route " + (r + 1) + " returns to the depot at " + (time + back) + ", after " + instance.due()[0]);
			}
			if (load > instance.capacity()) {
				violations.add("route " + (r + 1) + " carries " + load + ", over the capacity " + instance.capacity());
			}
		}
		for (int c = 1; c <= n; c++) {
			if (visits[c] != 1) {
				violations.add("customer " + c + " is visited " + visits[c] + " times");
			}
		}
		if (instance.hasTimeWindows() && instance.vehicles() > 0 && routes.size() > instance.vehicles()) {
			violations.add(routes.size() + " routes, more than the " + instance.vehicles() + " vehicles");
		}
		return new Report(cost, violations);
	}

	private static double legLength(Instance instance, int from, int to) {
		double dx = instance.x()[from] - instance.x()[to];
		double dy = instance.y()[from] - instance.y()[to];
		double exact = Math.hypot(dx, dy);
		return switch (instance.convention()) {
			case ROUNDED -> Math.rint(exact) == exact ? exact : (double) (long) (exact + 0.5);
			case TRUNCATED_ONE_DECIMAL -> ((long) (exact * 10)) / 10.0;
		};
	}

	/**
	 * Checks a solution of a problem given by its matrices (a heterogeneous fleet with compartments, time
	 * windows or neither): each customer served exactly once, each route's load per zone within its vehicle
	 * type's compartment, no type used more often than it exists (nor more routes than the problem's
	 * vehicles), each visit started by its window's close and the return by the depot's, and the cost
	 * recomputed: each leg at its type's costs per distance and duration plus the type's fixed cost.
	 */
	public static Report check(Problem problem, Solution solution) {
		int n = problem.customers();
		List<String> violations = new ArrayList<>();
		int[] visits = new int[n + 1];
		double cost = 0;
		List<int[]> routes = solution.routes();
		int types = problem.hasFleet() ? problem.fleet().size() : 1;
		int[] used = new int[types];
		for (int r = 0; r < routes.size(); r++) {
			int[] route = routes.get(r);
			int t = problem.hasFleet() ? solution.vehicleTypes()[r] : 0;
			if (t < 0 || t >= types) {
				violations.add("route " + (r + 1) + " has vehicle type " + t + ", not one of the fleet");
				continue;
			}
			used[t]++;
			double perDistance = problem.hasFleet() ? problem.fleet().get(t).costPerDistance() : 1;
			double perDuration = problem.hasFleet() ? problem.fleet().get(t).costPerDuration() : 0;
			int zones = problem.hasFleet() ? problem.zoneDemand().length : 1;
			long[] load = new long[zones];
			int at = 0;
			double time = problem.hasTimeWindows() ? problem.ready()[0] : 0;
			for (int customer : route) {
				if (customer < 1 || customer > n) {
					violations.add("route " + (r + 1) + " visits " + customer + ", not a customer");
					continue;
				}
				visits[customer]++;
				for (int z = 0; z < zones; z++) {
					load[z] += problem.hasFleet() ? problem.zoneDemand()[z][customer] : problem.demand()[customer];
				}
				cost += perDistance * problem.distance()[at][customer] + perDuration * problem.duration()[at][customer];
				if (problem.hasTimeWindows()) {
					time = Math.max(time + problem.duration()[at][customer], problem.ready()[customer]);
					if (time > problem.due()[customer] + 1e-6) {
						violations.add("route " + (r + 1) + " reaches customer " + customer + " at " + time + ", after its window closes at "
								+ problem.due()[customer]);
					}
					time += problem.service()[customer];
				}
				at = customer;
			}
			cost += perDistance * problem.distance()[at][0] + perDuration * problem.duration()[at][0];
			if (problem.hasFleet() && route.length > 0) {
				cost += problem.fleet().get(t).fixedCost();
			}
			if (problem.hasTimeWindows() && time + problem.duration()[at][0] > problem.due()[0] + 1e-6) {
				violations.add("route " + (r + 1) + " returns to the depot at " + (time + problem.duration()[at][0]) + ", after " + problem.due()[0]);
			}
			for (int z = 0; z < zones; z++) {
				int capacity = problem.hasFleet() ? problem.fleet().get(t).capacity()[z] : problem.capacity();
				if (load[z] > capacity) {
					violations.add("route " + (r + 1) + " carries " + load[z] + " in zone " + z + ", over the capacity " + capacity);
				}
			}
		}
		for (int c = 1; c <= n; c++) {
			if (visits[c] != 1) {
				violations.add("customer " + c + " is visited " + visits[c] + " times");
			}
		}
		if (problem.hasFleet()) {
			for (int t = 0; t < types; t++) {
				if (used[t] > problem.fleet().get(t).count()) {
					violations.add(used[t] + " routes of vehicle type " + problem.fleet().get(t).name() + ", more than its " + problem.fleet().get(t).count());
				}
			}
		}
		else if (problem.vehicles() > 0 && routes.size() > problem.vehicles()) {
			violations.add(routes.size() + " routes, more than the " + problem.vehicles() + " vehicles");
		}
		return new Report(cost, violations);
	}
}
