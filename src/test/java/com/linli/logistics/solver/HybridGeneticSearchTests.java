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
	void plansACityMorningWithTwoZonesEightVehiclesOfTwoTypesAndWindowsWithoutLateness() {
		Problem morning = cityMorning(new java.util.Random(21));

		Solution plan = new HybridGeneticSearch().solve(morning, Limits.iterations(1_500, 1), ProgressListener.NONE);

		int[] visits = new int[morning.customers() + 1];
		int[] used = new int[morning.fleet().size()];
		for (int r = 0; r < plan.routes().size(); r++) {
			VehicleType type = morning.fleet().get(plan.vehicleTypes()[r]);
			used[plan.vehicleTypes()[r]]++;
			for (int z = 0; z < 2; z++) {
				int load = 0;
				for (int c : plan.routes().get(r)) {
					load += morning.zoneDemand()[z][c];
				}
				assertThat(load).as("route %d zone %d", r, z).isLessThanOrEqualTo(type.capacity()[z]);
			}
			for (int c : plan.routes().get(r)) {
				visits[c]++;
			}
			assertThat(plan.lateness()[r]).as("route %d", r).isZero();
		}
		for (int c = 1; c <= morning.customers(); c++) {
			assertThat(visits[c]).as("stop %d", c).isEqualTo(1);
		}
		for (int t = 0; t < used.length; t++) {
			assertThat(used[t]).isLessThanOrEqualTo(morning.fleet().get(t).count());
		}
	}

	/**
	 * A grid warehouse and 60 pickup points within 8 km, times in minutes from 04:00 (30 km/h, 5 minutes a
	 * stop, windows 05:00–08:00), ambient and chilled crates, five small and three large vehicles.
	 */
	static Problem cityMorning(java.util.Random random) {
		int n = 60;
		double[] x = new double[n + 1];
		double[] y = new double[n + 1];
		int[][] crates = new int[2][n + 1];
		double[] ready = new double[n + 1];
		double[] due = new double[n + 1];
		double[] service = new double[n + 1];
		due[0] = 300;
		for (int i = 1; i <= n; i++) {
			x[i] = random.nextDouble() * 16 - 8;
			y[i] = random.nextDouble() * 16 - 8;
			crates[0][i] = 1 + random.nextInt(6);
			crates[1][i] = random.nextInt(5);
			ready[i] = 60;
			due[i] = 240;
			service[i] = 5;
		}
		double[][] km = new double[n + 1][n + 1];
		double[][] minutes = new double[n + 1][n + 1];
		for (int i = 0; i <= n; i++) {
			for (int j = 0; j <= n; j++) {
				km[i][j] = 1.3 * Math.hypot(x[i] - x[j], y[i] - y[j]);
				minutes[i][j] = km[i][j] * 2;
			}
		}
		return Problem.withFleet("morning", x, y, crates,
				List.of(new VehicleType("van", new int[] { 40, 20 }, 200, 5), new VehicleType("truck", new int[] { 80, 40 }, 350, 3)), km,
				minutes, ready, due, service);
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
