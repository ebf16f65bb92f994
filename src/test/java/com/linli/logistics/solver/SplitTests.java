package com.linli.logistics.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SplitTests {

	@Test
	void linearSplitFindsTheCheapestCutOfTheGiantTourAsBruteForceDoes() {
		Random random = new Random(7);
		for (int trial = 0; trial < 300; trial++) {
			int n = 2 + random.nextInt(11);
			Problem problem = RandomInstances.capacitated(random, n, 1 + random.nextInt(4));
			SearchContext context = new SearchContext(problem, 5, trial);
			context.penaltyCapacity = random.nextInt(4) == 0 ? 0.1 + random.nextDouble() : 1 + random.nextInt(1000);
			Individual individual = Individual.random(context);

			double split = new Split(context).split(individual);

			assertThat(split).as("trial %d", trial).isCloseTo(bruteForce(problem, individual.tour, context.penaltyCapacity), within(1e-6));
		}
	}

	@Test
	void theIndividualIsCutAsSplitFoundAndEveryCustomerStaysInOneRoute() {
		Random random = new Random(11);
		for (int trial = 0; trial < 100; trial++) {
			Problem problem = RandomInstances.capacitated(random, 30 + random.nextInt(50), 6);
			SearchContext context = new SearchContext(problem, 5, trial);
			Individual individual = Individual.random(context);

			double split = new Split(context).split(individual);

			assertThat(individual.penalizedCost).isCloseTo(split, within(1e-6));
			assertThat(RandomInstances.penalisedCost(problem, individual.routeList(), context.penaltyCapacity)).isCloseTo(split, within(1e-6));
			assertThat(individual.routeList().stream().mapToInt(r -> r.length).sum()).isEqualTo(problem.customers());
		}
	}

	/** Every subset of cut points of the tour (2^(n-1) of them): the least penalised cost. */
	private static double bruteForce(Problem problem, int[] tour, double penalty) {
		int n = tour.length;
		double best = Double.MAX_VALUE;
		for (int cuts = 0; cuts < 1 << (n - 1); cuts++) {
			double cost = 0;
			int load = 0;
			int previous = 0;
			for (int k = 0; k < n; k++) {
				int c = tour[k];
				cost += problem.distance()[previous][c];
				load += problem.demand()[c];
				previous = c;
				boolean routeEnds = k == n - 1 || (cuts & (1 << k)) != 0;
				if (routeEnds) {
					cost += problem.distance()[previous][0] + penalty * Math.max(0, load - problem.capacity());
					load = 0;
					previous = 0;
				}
			}
			best = Math.min(best, cost);
		}
		return best;
	}

	@Test
	void withABoundedHeterogeneousFleetSplitFindsTheCheapestCutAndTypesAsBruteForceDoes() {
		Random random = new Random(13);
		for (int trial = 0; trial < 150; trial++) {
			int n = 2 + random.nextInt(7);
			boolean windows = random.nextBoolean();
			Problem problem = RandomInstances.withCostlyFleet(random, n, windows);
			SearchContext context = new SearchContext(problem, 5, trial);
			context.penaltyCapacity = 0.5 + random.nextInt(50);
			context.penaltyTimeWarp = windows ? 0.5 + random.nextInt(20) : 0;
			Individual individual = Individual.random(context);
			int[] tour = individual.tour.clone();

			double split = new Split(context).split(individual);

			double brute = bruteForceFleet(problem, tour, context.penaltyCapacity, context.penaltyTimeWarp);
			assertThat(split).as("trial %d", trial).isCloseTo(brute, within(1e-6));
			assertThat(individual.penalizedCost).as("trial %d", trial).isCloseTo(split, within(1e-6));
			assertThat(RandomInstances.penalisedCostBySlot(problem, context, RandomInstances.slotRoutes(individual), context.penaltyCapacity,
					context.penaltyTimeWarp)).isCloseTo(split, within(1e-6));
			int[] used = new int[problem.fleet().size()];
			var slots = RandomInstances.slotRoutes(individual);
			for (int r = 0; r < slots.size(); r++) {
				if (slots.get(r).length > 0) {
					used[context.slotType[r]]++;
				}
			}
			for (int t = 0; t < used.length; t++) {
				assertThat(used[t]).isLessThanOrEqualTo(problem.fleet().get(t).count());
			}
		}
	}

	/**
	 * Every cut of the tour (2^(n-1)) and every assignment of types to its routes within the counts: the
	 * least cost (each route at its type's costs, fixed cost, penalised compartment excess and time warp).
	 */
	private static double bruteForceFleet(Problem problem, int[] tour, double penalty, double penaltyTimeWarp) {
		int n = tour.length;
		double best = Double.MAX_VALUE;
		for (int cuts = 0; cuts < 1 << (n - 1); cuts++) {
			java.util.List<int[]> routes = new java.util.ArrayList<>();
			int start = 0;
			for (int k = 0; k < n; k++) {
				if (k == n - 1 || (cuts & (1 << k)) != 0) {
					routes.add(java.util.Arrays.copyOfRange(tour, start, k + 1));
					start = k + 1;
				}
			}
			best = Math.min(best, assign(problem, routes, 0, new int[problem.fleet().size()], penalty, penaltyTimeWarp));
		}
		return best;
	}

	private static double assign(Problem problem, java.util.List<int[]> routes, int r, int[] used, double penalty, double penaltyTimeWarp) {
		if (r == routes.size()) {
			return 0;
		}
		double best = Double.MAX_VALUE;
		int[] route = routes.get(r);
		for (int t = 0; t < used.length; t++) {
			VehicleType type = problem.fleet().get(t);
			if (used[t] == type.count()) {
				continue;
			}
			double cost = RandomInstances.travelCost(problem, type, route) + type.fixedCost()
					+ RandomInstances.penalisedCost(problem, java.util.List.of(route), 0, penaltyTimeWarp)
					- RandomInstances.penalisedCost(problem, java.util.List.of(route), 0, 0);
			for (int z = 0; z < problem.zoneDemand().length; z++) {
				int load = 0;
				for (int c : route) {
					load += problem.zoneDemand()[z][c];
				}
				cost += penalty * Math.max(0, load - type.capacity()[z]);
			}
			used[t]++;
			double rest = assign(problem, routes, r + 1, used, penalty, penaltyTimeWarp);
			used[t]--;
			if (rest < Double.MAX_VALUE) {
				best = Math.min(best, cost + rest);
			}
		}
		return best;
	}
}
