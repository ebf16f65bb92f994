package com.linli.logistics.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks routes against an instance on its own, sharing no code with the solvers' evaluation: each
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
}
