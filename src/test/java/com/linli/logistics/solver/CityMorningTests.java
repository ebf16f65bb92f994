package com.linli.logistics.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.linli.bench.CityMorning;

/** The second target: a city morning (60 pickup points, two zones, 8 vehicles of two types, 05:00–08:00) planned in seconds. */
class CityMorningTests {

	@Test
	void aCityMorningIsPlannedWithinFiveSecondsWithNoLateStopAndNoCompartmentOverCapacity() {
		for (long seed = 1; seed <= 2; seed++) {
			Problem problem = CityMorning.generate(seed, 60);
			long started = System.nanoTime();

			Solution solution = new HybridGeneticSearch().solve(problem, new Limits(Duration.ofSeconds(5), seed, 1500), ProgressListener.NONE);

			long millis = (System.nanoTime() - started) / 1_000_000;
			assertThat(millis).isLessThan(6_000);
			SolutionChecker.Report report = SolutionChecker.check(problem, solution);
			assertThat(report.violations()).as("seed %d", seed).isEmpty();
			assertThat(report.cost()).isCloseTo(solution.cost(), within(1e-6));
			assertThat(java.util.Arrays.stream(solution.lateness()).max().orElse(0)).isZero();
		}
	}

	@Test
	void cheaperVehicleTypesAreTakenFirstAndTheCostCountsEachTypesRates() {
		Problem problem = CityMorning.generate(3, 60);

		Solution solution = new HybridGeneticSearch().solve(problem, new Limits(Duration.ofSeconds(5), 3, 1500), ProgressListener.NONE);

		// The checker recomputes each leg at its type's rates: the solver's own cost agrees.
		SolutionChecker.Report report = SolutionChecker.check(problem, solution);
		assertThat(report.violations()).isEmpty();
		assertThat(report.cost()).isCloseTo(solution.cost(), within(1e-6));
		// The same routes costed as if every vehicle cost 1 per km without fixed costs differ: the rates count.
		double plainDistance = Solution.of(new Problem(problem.name(), problem.x(), problem.y(), problem.demand(), problem.capacity(),
				problem.distance(), problem.duration(), null, null, null, 0), solution.routes()).cost();
		assertThat(solution.cost()).isNotCloseTo(plainDistance, within(1.0));
	}
}
