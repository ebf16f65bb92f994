package com.linli.logistics.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * A solution of the genetic search: its giant tour (customers in route order) with the route sizes
 * cutting it, its evaluation under the current penalty, and its broken-pairs distances to the others
 * of its subpopulation (nearest first).
 */
final class Individual {

	final int[] tour;

	final int[] routeSize;

	final int[] successor;

	final int[] predecessor;

	double penalizedCost;

	/** The routes' travel cost: distance, or with a fleet each route at its vehicle type's costs. */
	double distance;

	double capacityExcess;

	double timeWarp;

	/** Fixed costs of the vehicles used (heterogeneous fleet). */
	double fixedCost;

	int routes;

	double biasedFitness;

	/** Broken-pairs distances to the other individuals of the subpopulation, ascending. */
	final List<Proximity> proximity = new ArrayList<>();

	record Proximity(double distance, Individual other) {
	}

	Individual(SearchContext context) {
		this.tour = new int[context.n];
		this.routeSize = new int[context.routeSlots];
		this.successor = new int[context.n + 1];
		this.predecessor = new int[context.n + 1];
	}

	static Individual random(SearchContext context) {
		Individual individual = new Individual(context);
		for (int i = 0; i < context.n; i++) {
			individual.tour[i] = i + 1;
		}
		context.shuffle(individual.tour);
		return individual;
	}

	Individual copy(SearchContext context) {
		Individual c = new Individual(context);
		System.arraycopy(tour, 0, c.tour, 0, tour.length);
		System.arraycopy(routeSize, 0, c.routeSize, 0, routeSize.length);
		System.arraycopy(successor, 0, c.successor, 0, successor.length);
		System.arraycopy(predecessor, 0, c.predecessor, 0, predecessor.length);
		c.penalizedCost = penalizedCost;
		c.distance = distance;
		c.capacityExcess = capacityExcess;
		c.timeWarp = timeWarp;
		c.fixedCost = fixedCost;
		c.routes = routes;
		return c;
	}

	boolean isFeasible() {
		return capacityExcess < 1e-6 && timeWarp < 1e-6;
	}

	/** Recomputes distance, excess load, successors and the penalised cost from the tour and route sizes. */
	void evaluate(SearchContext context) {
		double[][] d = context.dist;
		distance = 0;
		capacityExcess = 0;
		timeWarp = 0;
		fixedCost = 0;
		routes = 0;
		int position = 0;
		for (int r = 0; r < routeSize.length; r++) {
			int size = routeSize[r];
			if (size == 0) {
				continue;
			}
			routes++;
			int previous = 0;
			int load = 0;
			for (int k = 0; k < size; k++) {
				int c = tour[position + k];
				distance += d[previous][c];
				load += context.demand[c];
				predecessor[c] = previous;
				if (previous != 0) {
					successor[previous] = c;
				}
				previous = c;
			}
			successor[previous] = 0;
			distance += d[previous][0];
			if (context.fleet) {
				distance += context.slotExtra(r, tour, position, size);
				capacityExcess += context.slotExcess(r, tour, position, size);
				fixedCost += context.slotFixedCost[r];
			}
			else {
				capacityExcess += Math.max(0, load - context.capacity);
			}
			timeWarp += context.timeWarp(tour, position, size);
			position += size;
		}
		repenalise(context);
	}

	void repenalise(SearchContext context) {
		penalizedCost = distance + fixedCost + capacityExcess * context.penaltyCapacity + timeWarp * context.penaltyTimeWarp;
	}

	/** The share of customers whose neighbours differ between two individuals (0: same routes). */
	double brokenPairsDistance(Individual other) {
		int differences = 0;
		int n = tour.length;
		for (int j = 1; j <= n; j++) {
			if (successor[j] != other.successor[j] && successor[j] != other.predecessor[j]) {
				differences++;
			}
			if (predecessor[j] == 0 && other.predecessor[j] != 0 && other.successor[j] != 0) {
				differences++;
			}
		}
		return (double) differences / n;
	}

	double averageDistanceToClosest(int count) {
		double sum = 0;
		int taken = Math.min(count, proximity.size());
		for (int i = 0; i < taken; i++) {
			sum += proximity.get(i).distance();
		}
		return taken == 0 ? 1.0 : sum / taken;
	}

	void addProximity(double distance, Individual other) {
		int i = 0;
		while (i < proximity.size() && proximity.get(i).distance() <= distance) {
			i++;
		}
		proximity.add(i, new Proximity(distance, other));
	}

	void removeProximity(Individual other) {
		for (int i = 0; i < proximity.size(); i++) {
			if (proximity.get(i).other() == other) {
				proximity.remove(i);
				return;
			}
		}
	}

	/** The slot (vehicle) of each non-empty route, in the order of {@link #routeList()}. */
	int[] routeSlots() {
		int[] slots = new int[routes];
		int k = 0;
		for (int r = 0; r < routeSize.length; r++) {
			if (routeSize[r] > 0) {
				slots[k++] = r;
			}
		}
		return slots;
	}

	List<int[]> routeList() {
		List<int[]> result = new ArrayList<>();
		int position = 0;
		for (int size : routeSize) {
			if (size > 0) {
				int[] route = new int[size];
				System.arraycopy(tour, position, route, 0, size);
				result.add(route);
				position += size;
			}
		}
		return result;
	}
}
