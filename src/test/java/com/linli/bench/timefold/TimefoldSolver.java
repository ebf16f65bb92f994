package com.linli.bench.timefold;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;

import com.linli.logistics.solver.Limits;
import com.linli.logistics.solver.Problem;
import com.linli.logistics.solver.ProgressListener;
import com.linli.logistics.solver.Solution;
import com.linli.logistics.solver.Solver;

/**
 * The baseline of the routing benchmark: Timefold Solver 1.x (Community Edition) on a planning list
 * variable of visits per vehicle, with its default phases (construction heuristic, then late-acceptance
 * local search on list moves), one thread ({@code moveThreadCount NONE}), terminated by the time limit.
 * Iteration budgets of {@link Limits} are not mapped (time only). Test scope only: the application does
 * not ship Timefold.
 */
public final class TimefoldSolver implements Solver {

	@Override
	public String name() {
		return "Timefold";
	}

	@Override
	public Solution solve(Problem problem, Limits limits, ProgressListener progress) {
		TimefoldModel model = new TimefoldModel(problem);
		SolverConfig config = new SolverConfig().withSolutionClass(TfPlan.class)
			.withEntityClasses(TfVehicle.class, TfVisit.class)
			.withConstraintProviderClass(TfConstraints.class)
			.withMoveThreadCount(SolverConfig.MOVE_THREAD_COUNT_NONE)
			.withEnvironmentMode(EnvironmentMode.NO_ASSERT)
			.withRandomSeed(limits.seed())
			.withTerminationSpentLimit(limits.timeLimit());
		ai.timefold.solver.core.api.solver.Solver<TfPlan> solver = SolverFactory.<TfPlan>create(config).buildSolver();
		long started = System.nanoTime();
		solver.addEventListener(event -> {
			HardSoftLongScore score = (HardSoftLongScore) event.getNewBestScore();
			if (score.isFeasible()) {
				progress.improved(-score.softScore() / TimefoldModel.SCALE, (System.nanoTime() - started) / 1_000_000);
			}
		});
		TfPlan best = solver.solve(model.plan);
		List<int[]> routes = new ArrayList<>();
		List<Integer> types = new ArrayList<>();
		for (TfVehicle vehicle : best.vehicles) {
			if (vehicle.visits.isEmpty()) {
				continue;
			}
			routes.add(vehicle.visits.stream().mapToInt(visit -> visit.node).toArray());
			types.add(vehicle.type);
		}
		return Solution.of(problem, routes, types.stream().mapToInt(Integer::intValue).toArray());
	}
}
