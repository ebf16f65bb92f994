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
}
