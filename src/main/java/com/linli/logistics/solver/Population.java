package com.linli.logistics.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The feasible and infeasible subpopulations (each kept sorted by penalised cost), biased fitness from
 * cost rank and broken-pairs diversity, survivor selection that removes clones first, and the adaptive
 * capacity penalty steered towards a target share of feasible offspring.
 */
final class Population {

	static final int MU = 25;

	static final int LAMBDA = 40;

	static final int ELITE = 4;

	static final int CLOSE = 5;

	static final double TARGET_FEASIBLE = 0.2;

	private final SearchContext context;

	final List<Individual> feasible = new ArrayList<>();

	final List<Individual> infeasible = new ArrayList<>();

	private final Deque<Boolean> recentLoadFeasibility = new ArrayDeque<>();

	private final Deque<Boolean> recentTimeFeasibility = new ArrayDeque<>();

	Individual bestOfRestart;

	Individual best;

	Population(SearchContext context) {
		this.context = context;
	}

	/** Adds a copy; answers whether it is a new best feasible solution of this restart. */
	boolean add(Individual individual, boolean countFeasibility) {
		if (countFeasibility) {
			recentLoadFeasibility.addLast(individual.capacityExcess < 1e-6);
			recentTimeFeasibility.addLast(individual.timeWarp < 1e-6);
			if (recentLoadFeasibility.size() > 100) {
				recentLoadFeasibility.removeFirst();
				recentTimeFeasibility.removeFirst();
			}
		}
		List<Individual> subpopulation = individual.isFeasible() ? feasible : infeasible;
		Individual added = individual.copy(context);
		for (Individual other : subpopulation) {
			double distance = added.brokenPairsDistance(other);
			other.addProximity(distance, added);
			added.addProximity(distance, other);
		}
		int place = subpopulation.size();
		while (place > 0 && subpopulation.get(place - 1).penalizedCost > added.penalizedCost + 1e-6) {
			place--;
		}
		subpopulation.add(place, added);
		if (subpopulation.size() > MU + LAMBDA) {
			while (subpopulation.size() > MU) {
				removeWorstBiasedFitness(subpopulation);
			}
		}
		if (added.isFeasible() && (bestOfRestart == null || added.penalizedCost < bestOfRestart.penalizedCost - 1e-6)) {
			bestOfRestart = added.copy(context);
			if (best == null || added.penalizedCost < best.penalizedCost - 1e-6) {
				best = added.copy(context);
			}
			return true;
		}
		return false;
	}

	private void updateBiasedFitnesses(List<Individual> subpopulation) {
		int size = subpopulation.size();
		if (size == 1) {
			subpopulation.get(0).biasedFitness = 0;
			return;
		}
		// Rank by diversity: the most distant to its closest neighbours first.
		Integer[] byDiversity = new Integer[size];
		double[] diversity = new double[size];
		for (int i = 0; i < size; i++) {
			byDiversity[i] = i;
			diversity[i] = -subpopulation.get(i).averageDistanceToClosest(CLOSE);
		}
		java.util.Arrays.sort(byDiversity, (a, b) -> Double.compare(diversity[a], diversity[b]));
		for (int rank = 0; rank < size; rank++) {
			int i = byDiversity[rank];
			double diversityRank = (double) rank / (size - 1);
			double fitnessRank = (double) i / (size - 1);
			subpopulation.get(i).biasedFitness = size <= ELITE ? fitnessRank
					: fitnessRank + (1.0 - (double) ELITE / size) * diversityRank;
		}
	}

	private void removeWorstBiasedFitness(List<Individual> subpopulation) {
		updateBiasedFitnesses(subpopulation);
		int worst = -1;
		boolean worstIsClone = false;
		double worstFitness = -1;
		for (int i = 1; i < subpopulation.size(); i++) {
			Individual candidate = subpopulation.get(i);
			boolean isClone = candidate.averageDistanceToClosest(1) < 1e-6;
			if ((isClone && !worstIsClone) || (isClone == worstIsClone && candidate.biasedFitness > worstFitness)) {
				worstFitness = candidate.biasedFitness;
				worstIsClone = isClone;
				worst = i;
			}
		}
		Individual removed = subpopulation.remove(worst);
		for (Individual other : subpopulation) {
			other.removeProximity(removed);
		}
	}

	/** Binary tournament on biased fitness over both subpopulations. */
	Individual binaryTournament() {
		updateBiasedFitnesses(feasible);
		updateBiasedFitnesses(infeasible);
		int total = feasible.size() + infeasible.size();
		int a = context.random.nextInt(total);
		int b = context.random.nextInt(total);
		Individual first = a < feasible.size() ? feasible.get(a) : infeasible.get(a - feasible.size());
		Individual second = b < feasible.size() ? feasible.get(b) : infeasible.get(b - feasible.size());
		return first.biasedFitness < second.biasedFitness ? first : second;
	}

	/** Raises or lowers the capacity penalty towards the target share of feasible solutions. */
	void managePenalties() {
		if (recentLoadFeasibility.isEmpty()) {
			return;
		}
		context.penaltyCapacity = adapted(context.penaltyCapacity, recentLoadFeasibility);
		if (context.timeWindows) {
			context.penaltyTimeWarp = adapted(context.penaltyTimeWarp, recentTimeFeasibility);
		}
		for (Individual individual : infeasible) {
			individual.repenalise(context);
		}
		infeasible.sort((x, y) -> Double.compare(x.penalizedCost, y.penalizedCost));
	}

	private static double adapted(double penalty, Deque<Boolean> recent) {
		double fraction = (double) recent.stream().filter(f -> f).count() / recent.size();
		if (fraction < TARGET_FEASIBLE - 0.05 && penalty < 100000) {
			return Math.min(penalty * 1.2, 100000);
		}
		if (fraction > TARGET_FEASIBLE + 0.05 && penalty > 0.1) {
			return Math.max(penalty * 0.85, 0.1);
		}
		return penalty;
	}

	int size() {
		return feasible.size() + infeasible.size();
	}

	void restart() {
		feasible.clear();
		infeasible.clear();
		bestOfRestart = null;
	}
}
