package com.linli.logistics.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HybridGeneticSearchTests {

	private static final long ITERATIONS = 2_500;

	@Test
	void reachesWithinOnePercentOfTheBestKnownOnX101WithAnIterationBudget() throws Exception {
		Instance instance = CvrpLib.readInstance(RandomInstances.data().resolve("cvrp/X-n101-k25.vrp"));
		List<Double> progress = new ArrayList<>();

		Solution solution = new HybridGeneticSearch().solve(instance.toProblem(), Limits.iterations(ITERATIONS, 1),
				(cost, millis) -> progress.add(cost));

		SolutionChecker.Report report = SolutionChecker.check(instance, solution.routes());
		assertThat(report.violations()).isEmpty();
		assertThat(report.cost()).isEqualTo(solution.cost());
		assertThat(solution.cost()).isLessThanOrEqualTo(27591 * 1.01);
		assertThat(progress).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(progress.get(progress.size() - 1)).isEqualTo(solution.cost());
	}

	@Test
	void theSameSeedAndIterationBudgetGiveTheSameRoutes() {
		Problem problem = RandomInstances.capacitated(new java.util.Random(9), 80, 7);

		Solution first = new HybridGeneticSearch().solve(problem, Limits.iterations(300, 42), ProgressListener.NONE);
		Solution second = new HybridGeneticSearch().solve(problem, Limits.iterations(300, 42), ProgressListener.NONE);

		assertThat(second.cost()).isEqualTo(first.cost());
		assertThat(second.routes()).usingRecursiveComparison().isEqualTo(first.routes());
	}

	@Test
	void theFloorServesEveryCustomerWithinCapacity() throws Exception {
		Instance instance = CvrpLib.readInstance(RandomInstances.data().resolve("cvrp/X-n101-k25.vrp"));

		Solution solution = new NearestNeighbourSolver().solve(instance.toProblem(), Limits.iterations(1, 1), ProgressListener.NONE);

		SolutionChecker.Report report = SolutionChecker.check(instance, solution.routes());
		assertThat(report.violations()).isEmpty();
		assertThat(report.cost()).isEqualTo(solution.cost()).isLessThan(27591 * 1.3);
	}
}
