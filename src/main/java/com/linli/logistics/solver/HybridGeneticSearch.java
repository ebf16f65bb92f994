package com.linli.logistics.solver;

import java.util.List;

/**
 * The hybrid genetic search of Vidal (2022, "Hybrid genetic search for the CVRP: open-source
 * implementation and SWAP* neighborhood", Computers &amp; Operations Research 140, 105643) for the
 * capacitated VRP: giant tours decoded by Split, OX crossover of two parents chosen by binary
 * tournament, local search (granular, Γ = 20) as mutation, repair of half the infeasible offspring
 * with ten times the penalty, two subpopulations (μ = 25, λ = 40) and restarts after 20,000 iterations
 * without improvement. Deterministic for a given seed and iteration budget. Time windows are penalised
 * by time warp (Vidal et al. 2013) with their own adaptive penalty; the granular neighbourhoods then weigh
 * the waiting and time warp between two customers besides their distance, a move between routes is
 * evaluated from the routes' cached time-window segments before it is applied, and a move within a route
 * is measured on the route as it leaves it (undone when it does not improve). With a heterogeneous fleet
 * each route keeps its vehicle (a slot), whose compartments' excess is penalised per zone, whose fixed
 * cost counts when the route is used and whose type's costs per distance and duration price its legs;
 * Split then uses no type more often than the fleet has it.
 */
public final class HybridGeneticSearch implements Solver {

	static final int GRANULARITY = 20;

	static final int ITERATIONS_WITHOUT_IMPROVEMENT = 20_000;

	static final int PENALTY_MANAGEMENT_PERIOD = 100;

	@Override
	public String name() {
		return "Linli HGS";
	}

	@Override
	public Solution solve(Problem problem, Limits limits, ProgressListener progress) {
		long started = System.nanoTime();
		long deadline = started + limits.timeLimit().toNanos();
		if (problem.customers() < 2) {
			return NearestNeighbourSolver.trivial(problem);
		}
		SearchContext context = new SearchContext(problem, GRANULARITY, limits.seed());
		Split split = new Split(context);
		LocalSearch localSearch = new LocalSearch(context);
		Population population = new Population(context);
		Run run = new Run(context, split, localSearch, population, progress, started, deadline, limits.maxIterations());
		run.initialPopulation();
		run.evolve();
		if (population.best == null) {
			// No feasible solution found in time: return the least penalised one.
			Individual least = population.infeasible.isEmpty() ? null : population.infeasible.get(0);
			return least == null ? NearestNeighbourSolver.trivial(problem) : solution(problem, context, least);
		}
		return solution(problem, context, population.best);
	}

	private static Solution solution(Problem problem, SearchContext context, Individual individual) {
		int[] slots = individual.routeSlots();
		int[] types = new int[slots.length];
		for (int k = 0; k < slots.length; k++) {
			types[k] = context.fleet ? context.slotType[slots[k]] : 0;
		}
		return Solution.of(problem, individual.routeList(), types);
	}

	private static final class Run {

		private final SearchContext context;

		private final Split split;

		private final LocalSearch localSearch;

		private final Population population;

		private final ProgressListener progress;

		private final long started;

		private final long deadline;

		private final long maxIterations;

		private long iterations;

		private double reportedBest = Double.MAX_VALUE;

		Run(SearchContext context, Split split, LocalSearch localSearch, Population population, ProgressListener progress,
				long started, long deadline, long maxIterations) {
			this.context = context;
			this.split = split;
			this.localSearch = localSearch;
			this.population = population;
			this.progress = progress;
			this.started = started;
			this.deadline = deadline;
			this.maxIterations = maxIterations;
		}

		private boolean stopped() {
			return (maxIterations > 0 && iterations >= maxIterations) || System.nanoTime() > deadline;
		}

		/**
		 * 4μ random individuals, educated. On a wall-time limit alone (no iteration budget) the phase stops
		 * after a fifth of the time left, keeping a few: on large instances it would otherwise eat the run.
		 */
		void initialPopulation() {
			long phaseEnd = System.nanoTime() + (deadline - System.nanoTime()) / 5;
			for (int i = 0; i < 4 * Population.MU && !stopped(); i++) {
				if (maxIterations == 0 && i >= 4 && population.size() >= 2 && System.nanoTime() > phaseEnd) {
					break;
				}
				Individual individual = Individual.random(context);
				split.split(individual);
				educate(individual);
				iterations++;
			}
		}

		/** Local search, then a repair with ten times the penalty for half of the infeasible ones. */
		private boolean educate(Individual individual) {
			localSearch.run(individual, context.penaltyCapacity, context.penaltyTimeWarp);
			boolean isNewBest = population.add(individual, true);
			if (!individual.isFeasible() && context.random.nextInt(2) == 0) {
				localSearch.run(individual, context.penaltyCapacity * 10, context.penaltyTimeWarp * 10);
				if (context.timeWindows && !individual.isFeasible()) {
					// A little time warp often survives the first repair; a stronger one removes it.
					localSearch.run(individual, context.penaltyCapacity * 100, context.penaltyTimeWarp * 100);
				}
				if (individual.isFeasible()) {
					isNewBest = population.add(individual, false) || isNewBest;
				}
			}
			if (isNewBest) {
				report();
			}
			return isNewBest;
		}

		private void report() {
			if (population.best != null && population.best.penalizedCost < reportedBest - 1e-6) {
				reportedBest = population.best.penalizedCost;
				progress.improved(reportedBest, (System.nanoTime() - started) / 1_000_000);
			}
		}

		void evolve() {
			int withoutImprovement = 0;
			boolean[] taken = new boolean[context.n + 1];
			Individual offspring = new Individual(context);
			for (long i = 1; !stopped() && population.size() > 0; i++) {
				crossoverOX(offspring, population.binaryTournament(), population.binaryTournament(), taken);
				split.split(offspring);
				iterations++;
				if (educate(offspring)) {
					withoutImprovement = 0;
				}
				else {
					withoutImprovement++;
				}
				if (i % PENALTY_MANAGEMENT_PERIOD == 0) {
					population.managePenalties();
				}
				if (withoutImprovement >= ITERATIONS_WITHOUT_IMPROVEMENT) {
					population.restart();
					initialPopulation();
					withoutImprovement = 0;
				}
			}
		}

		/** Ordered crossover: a random slice of the first parent, the rest in the second parent's order. */
		private void crossoverOX(Individual result, Individual parent1, Individual parent2, boolean[] taken) {
			int n = context.n;
			java.util.Arrays.fill(taken, false);
			int start = context.random.nextInt(n);
			int end = context.random.nextInt(n);
			while (end == start) {
				end = context.random.nextInt(n);
			}
			int j = start;
			while (j % n != (end + 1) % n) {
				int c = parent1.tour[j % n];
				result.tour[j % n] = c;
				taken[c] = true;
				j++;
			}
			for (int i = 1; i <= n; i++) {
				int c = parent2.tour[(end + i) % n];
				if (!taken[c]) {
					result.tour[j % n] = c;
					j++;
				}
			}
		}
	}
}
