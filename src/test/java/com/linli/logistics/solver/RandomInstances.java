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

	/** As {@link #capacitated}, with time windows (depot open 0..1000, windows 40..300 long) and service times. */
	static Problem withTimeWindows(Random random, int n, int perRoute) {
		Problem p = capacitated(random, n, perRoute);
		double[][] scaled = new double[n + 1][n + 1];
		for (int i = 0; i <= n; i++) {
			for (int j = 0; j <= n; j++) {
				scaled[i][j] = Math.round(p.distance()[i][j] / 10);
			}
		}
		double[] ready = new double[n + 1];
		double[] due = new double[n + 1];
		double[] service = new double[n + 1];
		due[0] = 1000;
		for (int i = 1; i <= n; i++) {
			ready[i] = random.nextInt(700);
			due[i] = ready[i] + 40 + random.nextInt(260);
			service[i] = 10;
		}
		return new Problem("random-tw", p.x(), p.y(), p.demand(), p.capacity(), scaled, scaled, ready, due, service, n);
	}

	/**
	 * Two temperature zones (demands 0..6 each), a fleet of six small vehicles (20 + 10, fixed cost 100)
	 * and four large ones (40 + 25, fixed cost 250), with or without the windows of {@link #withTimeWindows}.
	 */
	static Problem withFleet(Random random, int n, boolean timeWindows) {
		Problem p = withTimeWindows(random, n, 5);
		int[][] zoneDemand = new int[2][n + 1];
		for (int i = 1; i <= n; i++) {
			zoneDemand[0][i] = random.nextInt(7);
			zoneDemand[1][i] = random.nextInt(7);
		}
		List<VehicleType> fleet = List.of(new VehicleType("small", new int[] { 20, 10 }, 100, 6),
				new VehicleType("large", new int[] { 40, 25 }, 250, 4));
		return Problem.withFleet("random-fleet", p.x(), p.y(), zoneDemand, fleet, p.distance(), p.duration(),
				timeWindows ? p.ready() : null, timeWindows ? p.due() : null, timeWindows ? p.service() : null);
	}

	/**
	 * As {@link #withFleet}, with types that cost differently per distance and per duration unit and
	 * few of each (three cheap vans at 0.7 per distance, two trucks at 1.6 per distance and 0.5 per
	 * duration unit, one city car at 1.0 with 0.2 per duration unit).
	 */
	static Problem withCostlyFleet(Random random, int n, boolean timeWindows) {
		Problem p = withFleet(random, n, timeWindows);
		List<VehicleType> fleet = List.of(new VehicleType("van", new int[] { 20, 10 }, 100, 3, 0.7, 0),
				new VehicleType("truck", new int[] { 40, 25 }, 250, 2, 1.6, 0.5), new VehicleType("car", new int[] { 15, 15 }, 50, 1, 1.0, 0.2));
		return Problem.withFleet("random-costly-fleet", p.x(), p.y(), p.zoneDemand(), fleet, p.distance(), p.duration(), p.ready(), p.due(),
				p.service());
	}

	/** A route's travel cost with a vehicle type: each leg at the type's cost per distance and per duration. */
	static double travelCost(Problem problem, VehicleType type, int[] route) {
		if (route.length == 0) {
			return 0;
		}
		double cost = 0;
		int at = 0;
		for (int c : route) {
			cost += type.costPerDistance() * problem.distance()[at][c] + type.costPerDuration() * problem.duration()[at][c];
			at = c;
		}
		return cost + type.costPerDistance() * problem.distance()[at][0] + type.costPerDuration() * problem.duration()[at][0];
	}

	/** With a fleet: route r in slot r of the context; distance, fixed costs, penalised compartment excess and time warp. */
	static double penalisedCostBySlot(Problem problem, SearchContext context, List<int[]> slotRoutes, double penalty, double penaltyTimeWarp) {
		double cost = 0;
		for (int r = 0; r < slotRoutes.size(); r++) {
			int[] route = slotRoutes.get(r);
			if (route.length == 0) {
				continue;
			}
			VehicleType type = problem.fleet().get(context.slotType[r]);
			cost += penalisedCost(problem, List.of(route), 0, penaltyTimeWarp) - penalisedCost(problem, List.of(route), 0, 0)
					+ travelCost(problem, type, route) + type.fixedCost();
			for (int z = 0; z < problem.zoneDemand().length; z++) {
				int load = 0;
				for (int c : route) {
					load += problem.zoneDemand()[z][c];
				}
				cost += penalty * Math.max(0, load - context.slotCapacity[r][z]);
			}
		}
		return cost;
	}

	/** An individual's routes by slot, the empty ones included. */
	static List<int[]> slotRoutes(Individual individual) {
		List<int[]> result = new java.util.ArrayList<>();
		int position = 0;
		for (int size : individual.routeSize) {
			result.add(java.util.Arrays.copyOfRange(individual.tour, position, position + size));
			position += size;
		}
		return result;
	}

	/** Distance plus penalised excess load of routes, computed from scratch. */
	static double penalisedCost(Problem problem, List<int[]> routes, double penalty) {
		return penalisedCost(problem, routes, penalty, 0);
	}

	/** Distance plus penalised excess load and time warp (driving each route from the depot's opening). */
	static double penalisedCost(Problem problem, List<int[]> routes, double penalty, double penaltyTimeWarp) {
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
			if (problem.hasTimeWindows() && route.length > 0) {
				double time = problem.ready()[0];
				double warp = 0;
				int at = 0;
				for (int c : route) {
					time = Math.max(time + problem.duration()[at][c], problem.ready()[c]);
					warp += Math.max(0, time - problem.due()[c]);
					time = Math.min(time, problem.due()[c]) + problem.service()[c];
					at = c;
				}
				time += problem.duration()[at][0];
				warp += Math.max(0, time - problem.due()[0]);
				cost += penaltyTimeWarp * warp;
			}
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
