package com.linli.logistics.solver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Small random capacitated problems for the solver's tests, and where the shared benchmark instances are. */
final class RandomInstances {

	private RandomInstances() {
	}

	/** n customers on a 1000 × 1000 square, rounded Euclidean distances, about {@code perRoute} customers a route. */
	static Problem capacitated(Random random, int n, int perRoute) {
		double[] x = new double[n + 1];
		double[] y = new double[n + 1];
		int[] demand = new int[n + 1];
		for (int i = 0; i <= n; i++) {
			x[i] = random.nextInt(1000);
			y[i] = random.nextInt(1000);
			demand[i] = i == 0 ? 0 : 1 + random.nextInt(10);
		}
		double[][] distance = new double[n + 1][n + 1];
		for (int i = 0; i <= n; i++) {
			for (int j = 0; j <= n; j++) {
				distance[i][j] = Math.round(Math.hypot(x[i] - x[j], y[i] - y[j]));
			}
		}
		return Problem.capacitated("random", x, y, demand, Math.max(10, 5 * perRoute + 1), distance);
	}

	/** Distance plus penalised excess load of routes, computed from scratch. */
	static double penalisedCost(Problem problem, List<int[]> routes, double penalty) {
		double cost = 0;
		for (int[] route : routes) {
			int previous = 0;
			int load = 0;
			for (int c : route) {
				cost += problem.distance()[previous][c];
				load += problem.demand()[c];
				previous = c;
			}
			if (route.length > 0) {
				cost += problem.distance()[previous][0];
			}
			cost += penalty * Math.max(0, load - problem.capacity());
		}
		return cost;
	}

	/** The shared VRP instances ({@code -Dlinli.vrp.data}, else {@code shared/data/vrp} beside or above the tree). */
	static Path data() {
		String property = System.getProperty("linli.vrp.data");
		for (String candidate : new String[] { property, "../shared/data/vrp", "../../shared/data/vrp", "/work/shared/data/vrp" }) {
			if (candidate != null && Files.isDirectory(Path.of(candidate))) {
				return Path.of(candidate);
			}
		}
		throw new IllegalStateException("the shared VRP instances are not found: set -Dlinli.vrp.data=<dir of cvrp/ and vrptw/>");
	}
}
