package com.linli.logistics.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CvrpLibTests {

	private static final Path CVRP = RandomInstances.data().resolve("cvrp");

	private static final Path VRPTW = RandomInstances.data().resolve("vrptw");

	@Test
	void readsAnXInstanceWithItsDepotFirst() throws Exception {
		Instance instance = CvrpLib.readInstance(CVRP.resolve("X-n101-k25.vrp"));

		assertThat(instance.name()).isEqualTo("X-n101-k25");
		assertThat(instance.customers()).isEqualTo(100);
		assertThat(instance.capacity()).isEqualTo(206);
		assertThat(instance.x()[0]).isEqualTo(365);
		assertThat(instance.y()[0]).isEqualTo(689);
		assertThat(instance.demand()[0]).isZero();
		assertThat(instance.hasTimeWindows()).isFalse();
		assertThat(instance.convention()).isEqualTo(Instance.Convention.ROUNDED);
	}

	@Test
	void theBestKnownSolutionOfX101RecomputesToItsStatedCost() throws Exception {
		Instance instance = CvrpLib.readInstance(CVRP.resolve("X-n101-k25.vrp"));
		CvrpLib.KnownSolution known = CvrpLib.readSolution(CVRP.resolve("X-n101-k25.sol"));

		SolutionChecker.Report report = SolutionChecker.check(instance, known.routes());

		assertThat(known.cost()).isEqualTo(27591);
		assertThat(known.routes()).hasSize(26);
		assertThat(report.violations()).isEmpty();
		assertThat(report.cost()).isEqualTo(27591);
		assertThat(Solution.of(instance.toProblem(), known.routes()).cost()).isEqualTo(27591);
	}

	@Test
	void everySharedBestKnownSolutionChecksAtItsStatedCost() throws Exception {
		for (Path dir : List.of(CVRP, VRPTW)) {
			try (var files = java.nio.file.Files.list(dir)) {
				for (Path sol : files.filter(p -> p.toString().endsWith(".sol")).toList()) {
					Instance instance = CvrpLib.readInstance(sol.resolveSibling(sol.getFileName().toString().replace(".sol", ".vrp")));
					CvrpLib.KnownSolution known = CvrpLib.readSolution(sol);

					SolutionChecker.Report report = SolutionChecker.check(instance, known.routes());

					assertThat(report.violations()).as(sol.toString()).isEmpty();
					assertThat(report.cost()).as(sol.toString()).isCloseTo(known.cost(), within(0.05));
				}
			}
		}
	}

	@Test
	void readsAHombergerInstanceWithWindowsServiceTimesAndTheDimacsConvention() throws Exception {
		Instance instance = CvrpLib.readInstance(VRPTW.resolve("C1_10_1.vrp"));

		assertThat(instance.customers()).isEqualTo(1000);
		assertThat(instance.capacity()).isEqualTo(200);
		assertThat(instance.vehicles()).isEqualTo(250);
		assertThat(instance.ready()[0]).isZero();
		assertThat(instance.due()[0]).isEqualTo(1824);
		assertThat(instance.ready()[1]).isEqualTo(200);
		assertThat(instance.due()[1]).isEqualTo(270);
		assertThat(instance.service()[0]).isZero();
		assertThat(instance.service()[1]).isEqualTo(90);
		assertThat(instance.convention()).isEqualTo(Instance.Convention.TRUNCATED_ONE_DECIMAL);
		double d01 = Math.hypot(instance.x()[0] - instance.x()[1], instance.y()[0] - instance.y()[1]);
		assertThat(instance.toProblem().distance()[0][1]).isEqualTo(Math.floor(d01 * 10) / 10);
	}

	@Test
	void theCheckerRejectsAMissingCustomer() throws Exception {
		Instance instance = CvrpLib.readInstance(CVRP.resolve("X-n101-k25.vrp"));
		List<int[]> routes = new ArrayList<>(CvrpLib.readSolution(CVRP.resolve("X-n101-k25.sol")).routes());
		int[] first = routes.get(0);
		routes.set(0, java.util.Arrays.copyOf(first, first.length - 1));

		SolutionChecker.Report report = SolutionChecker.check(instance, routes);

		assertThat(report.valid()).isFalse();
		assertThat(report.violations()).containsExactly("customer " + first[first.length - 1] + " is visited 0 times");
	}

	@Test
	void theCheckerRejectsACustomerServedTwiceAndARouteOverCapacity() throws Exception {
		Instance instance = CvrpLib.readInstance(CVRP.resolve("X-n101-k25.vrp"));
		List<int[]> routes = new ArrayList<>(CvrpLib.readSolution(CVRP.resolve("X-n101-k25.sol")).routes());
		int[] merged = java.util.stream.IntStream.concat(java.util.Arrays.stream(routes.get(0)), java.util.Arrays.stream(routes.get(1)))
			.toArray();
		routes.set(0, merged);

		SolutionChecker.Report report = SolutionChecker.check(instance, routes);

		assertThat(report.violations()).anyMatch(v -> v.startsWith("route 1 carries") && v.endsWith("over the capacity 206"));
		assertThat(report.violations()).anyMatch(v -> v.equals("customer " + merged[merged.length - 1] + " is visited 2 times"));
	}

	@Test
	void theCheckerRejectsALateArrival() throws Exception {
		Instance instance = CvrpLib.readInstance(VRPTW.resolve("C1_10_1.vrp"));
		List<int[]> routes = new ArrayList<>(CvrpLib.readSolution(VRPTW.resolve("C1_10_1.sol")).routes());
		int[] reversed = routes.get(0).clone();
		for (int i = 0; i < reversed.length / 2; i++) {
			int t = reversed[i];
			reversed[i] = reversed[reversed.length - 1 - i];
			reversed[reversed.length - 1 - i] = t;
		}
		routes.set(0, reversed);

		assertThat(SolutionChecker.check(instance, routes).violations()).anyMatch(v -> v.contains("after its window closes"));
	}
}
