package com.linli.logistics.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class LocalSearchTests {

	@Test
	void everyAppliedMoveChangesThePenalisedCostByExactlyTheDeltaItComputed() {
		assertEveryMoveDeltaIsExact(false);
	}

	@Test
	void withTimeWindowsEveryAppliedMoveChangesThePenalisedCostIncludingTimeWarpByItsDelta() {
		assertEveryMoveDeltaIsExact(true);
	}

	@Test
	void withAFleetAndCompartmentsEveryAppliedMoveChangesThePenalisedCostByItsDelta() {
		assertEveryMoveDeltaIsExactWithAFleet(false);
	}

	@Test
	void withAFleetCompartmentsAndTimeWindowsEveryAppliedMoveChangesThePenalisedCostByItsDelta() {
		assertEveryMoveDeltaIsExactWithAFleet(true);
	}

	@Test
	void withVehicleTypesCostingDifferentlyEveryAppliedMoveChangesThePenalisedCostByItsDelta() {
		assertEveryMoveDeltaIsExactWithAFleet(false, true);
	}

	@Test
	void withVehicleTypesCostingDifferentlyAndTimeWindowsEveryAppliedMoveChangesThePenalisedCostByItsDelta() {
		assertEveryMoveDeltaIsExactWithAFleet(true, true);
	}

	private static void assertEveryMoveDeltaIsExactWithAFleet(boolean timeWindows) {
		assertEveryMoveDeltaIsExactWithAFleet(timeWindows, false);
	}

	/** The penalised cost is recomputed from scratch after each move (each route at its slot's type's costs). */
	private static void assertEveryMoveDeltaIsExactWithAFleet(boolean timeWindows, boolean costlyTypes) {
		Random random = new Random((timeWindows ? 6 : 5) + (costlyTypes ? 10 : 0));
		Map<String, Integer> appliedMoves = new TreeMap<>();
		for (int trial = 0; trial < 150; trial++) {
			int n = costlyTypes ? 10 + random.nextInt(25) : 10 + random.nextInt(50);
			Problem problem = costlyTypes ? RandomInstances.withCostlyFleet(random, n, timeWindows)
					: RandomInstances.withFleet(random, n, timeWindows);
			SearchContext context = new SearchContext(problem, 3 + random.nextInt(10), trial);
			double penalty = random.nextBoolean() ? 0.5 + random.nextDouble() * 5 : 10 + random.nextInt(500);
			double penaltyTimeWarp = timeWindows ? 0.2 + random.nextDouble() * 20 : 0;
			context.penaltyCapacity = penalty;
			context.penaltyTimeWarp = penaltyTimeWarp;
			Individual individual = Individual.random(context);
			new Split(context).split(individual);
			LocalSearch localSearch = new LocalSearch(context);
			double[] current = { RandomInstances.penalisedCostBySlot(problem, context, RandomInstances.slotRoutes(individual), penalty,
					penaltyTimeWarp) };
			assertThat(individual.penalizedCost).isCloseTo(current[0], within(1e-6));
			localSearch.observer = (move, delta) -> {
				double recomputed = RandomInstances.penalisedCostBySlot(problem, context, localSearch.currentRoutes(), penalty,
						penaltyTimeWarp);
				assertThat(recomputed - current[0]).as("%s", move).isCloseTo(delta, within(1e-6));
				assertThat(delta).as(move).isNegative();
				current[0] = recomputed;
				appliedMoves.merge(move, 1, Integer::sum);
			};

			localSearch.run(individual, penalty, penaltyTimeWarp);

			assertThat(individual.penalizedCost).isCloseTo(current[0], within(1e-6));
			assertThat(individual.routeList().stream().mapToInt(r -> r.length).sum()).isEqualTo(problem.customers());
		}
		assertThat(appliedMoves).containsOnlyKeys("RELOCATE", "RELOCATE-2", "RELOCATE-2-REVERSED", "SWAP-1-1", "SWAP-2-1", "SWAP-2-2",
				"2-OPT", "2-OPT*-REVERSED", "2-OPT*", "SWAP*");
	}

	private static void assertEveryMoveDeltaIsExact(boolean timeWindows) {
		Random random = new Random(timeWindows ? 4 : 3);
		Map<String, Integer> appliedMoves = new TreeMap<>();
		for (int trial = 0; trial < 150; trial++) {
			int n = 10 + random.nextInt(60);
			int perRoute = 2 + random.nextInt(8);
			Problem problem = timeWindows ? RandomInstances.withTimeWindows(random, n, perRoute) : RandomInstances.capacitated(random, n, perRoute);
			SearchContext context = new SearchContext(problem, 3 + random.nextInt(10), trial);
			double penalty = random.nextBoolean() ? 0.5 + random.nextDouble() * 5 : 10 + random.nextInt(500);
			double penaltyTimeWarp = timeWindows ? 0.2 + random.nextDouble() * 20 : 0;
			context.penaltyCapacity = penalty;
			context.penaltyTimeWarp = penaltyTimeWarp;
			Individual individual = Individual.random(context);
			new Split(context).split(individual);
			LocalSearch localSearch = new LocalSearch(context);
			double[] current = { RandomInstances.penalisedCost(problem, individual.routeList(), penalty, penaltyTimeWarp) };
			assertThat(individual.penalizedCost).isCloseTo(current[0], within(1e-6));
			localSearch.observer = (move, delta) -> {
				double recomputed = RandomInstances.penalisedCost(problem, localSearch.currentRoutes(), penalty, penaltyTimeWarp);
				assertThat(recomputed - current[0]).as("%s", move).isCloseTo(delta, within(1e-6));
				assertThat(delta).as(move).isNegative();
				current[0] = recomputed;
				appliedMoves.merge(move, 1, Integer::sum);
			};

			localSearch.run(individual, penalty, penaltyTimeWarp);

			assertThat(individual.penalizedCost).isCloseTo(current[0], within(1e-6));
			assertThat(individual.routeList().stream().mapToInt(r -> r.length).sum()).isEqualTo(problem.customers());
		}
		assertThat(appliedMoves).containsOnlyKeys("RELOCATE", "RELOCATE-2", "RELOCATE-2-REVERSED", "SWAP-1-1", "SWAP-2-1", "SWAP-2-2",
				"2-OPT", "2-OPT*-REVERSED", "2-OPT*", "SWAP*");
	}

	@Test
	void aLocalOptimumHasNoImprovingRelocationOfOneCustomerLeft() {
		Random random = new Random(5);
		Problem problem = RandomInstances.capacitated(random, 60, 6);
		SearchContext context = new SearchContext(problem, 60, 1);
		Individual individual = Individual.random(context);
		new Split(context).split(individual);
		new LocalSearch(context).run(individual, context.penaltyCapacity, 1);
		var routes = individual.routeList();
		double cost = RandomInstances.penalisedCost(problem, routes, context.penaltyCapacity);
		for (int r = 0; r < routes.size(); r++) {
			for (int k = 0; k < routes.get(r).length; k++) {
				for (int s = 0; s < routes.size(); s++) {
					for (int p = 0; p <= routes.get(s).length; p++) {
						var moved = new java.util.ArrayList<int[]>();
						for (int[] route : routes) {
							moved.add(route.clone());
						}
						int customer = moved.get(r)[k];
						moved.set(r, removeAt(moved.get(r), k));
						int place = s == r && p > k ? p - 1 : p;
						if (place > moved.get(s).length) {
							continue;
						}
						moved.set(s, insertAt(moved.get(s), place, customer));
						assertThat(RandomInstances.penalisedCost(problem, moved, context.penaltyCapacity)).isGreaterThan(cost - 1e-5);
					}
				}
			}
		}
	}

	private static int[] removeAt(int[] a, int k) {
		int[] b = new int[a.length - 1];
		System.arraycopy(a, 0, b, 0, k);
		System.arraycopy(a, k + 1, b, k, a.length - k - 1);
		return b;
	}

	private static int[] insertAt(int[] a, int k, int value) {
		int[] b = new int[a.length + 1];
		System.arraycopy(a, 0, b, 0, k);
		b[k] = value;
		System.arraycopy(a, k, b, k + 1, a.length - k);
		return b;
	}
}
