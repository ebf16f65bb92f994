package com.linli.bench.timefold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.linli.bench.CityMorning;
import com.linli.logistics.solver.Instance;
import com.linli.logistics.solver.Limits;
import com.linli.logistics.solver.ProgressListener;
import com.linli.logistics.solver.Solution;
import com.linli.logistics.solver.SolutionChecker;

class TimefoldSolverTests {

	@Test
	void timefoldSolvesASmallRandomCapacitatedInstanceTheCheckerAccepts() {
		Random random = new Random(3);
		int n = 40;
		double[] x = new double[n + 1];
		double[] y = new double[n + 1];
		int[] demand = new int[n + 1];
		for (int i = 0; i <= n; i++) {
			x[i] = random.nextInt(1000);
			y[i] = random.nextInt(1000);
			demand[i] = i == 0 ? 0 : 1 + random.nextInt(10);
		}
		Instance instance = new Instance("random-40", x, y, demand, 30, 0, null, null, null, Instance.Convention.ROUNDED);

		Solution solution = new TimefoldSolver().solve(instance.toProblem(), new Limits(Duration.ofSeconds(2), 1), ProgressListener.NONE);

		SolutionChecker.Report report = SolutionChecker.check(instance, solution.routes());
		assertThat(report.violations()).isEmpty();
		assertThat(report.cost()).isCloseTo(solution.cost(), within(1e-6));
	}

	@Test
	void timefoldPlansACityMorningWithCompartmentsAndWindowsTheCheckerAccepts() {
		var problem = CityMorning.generate(2, 30);

		Solution solution = new TimefoldSolver().solve(problem, new Limits(Duration.ofSeconds(2), 1), ProgressListener.NONE);

		SolutionChecker.Report report = SolutionChecker.check(problem, solution);
		assertThat(report.violations()).isEmpty();
		assertThat(report.cost()).isCloseTo(solution.cost(), within(1e-6));
		assertThat(solution.routes().stream().mapToInt(r -> r.length).sum()).isEqualTo(30);
		assertThat(List.of(solution.vehicleTypes().length)).containsExactly(solution.routes().size());
	}
}
