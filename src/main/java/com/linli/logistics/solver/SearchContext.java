package com.linli.logistics.solver;

import java.util.Arrays;
import java.util.Random;

/**
 * What the parts of the hybrid genetic search share: the problem in primitive arrays, the granular
 * neighbourhoods, the current capacity penalty and the seeded random source.
 */
final class SearchContext {

	final int n;

	final double[][] dist;

	final int[] demand;

	final int capacity;

	final int routeSlots;

	final int[][] neighbours;

	final int[] polarAngle;

	final Random random;

	final double totalDemand;

	final boolean timeWindows;

	/** A heterogeneous fleet with compartments: loads per zone, a vehicle type per route slot. */
	final boolean fleet;

	final int zones;

	final int[][] zoneDemand;

	/** Per route slot: its capacity per zone, its fixed cost, its vehicle type. */
	final int[][] slotCapacity;

	final double[] slotFixedCost;

	final int[] slotType;

	/**
	 * Per route slot, the cost of each arc with its vehicle type ({@code dist} itself when the type costs
	 * distance). With a fleet whose types cost differently, {@code dist} is the cheapest type's arc cost,
	 * so a route's cost is its {@code dist} length plus a non-negative extra the local search adds to the
	 * route's penalty.
	 */
	final double[][][] slotCost;

	/** Whether some slot's arc costs differ from {@code dist}. */
	final boolean slotCosts;

	final double[][] time;

	final double[] ready;

	final double[] due;

	final double[] service;

	double penaltyCapacity;

	double penaltyTimeWarp = 10.0;

	SearchContext(Problem problem, int granularity, long seed) {
		this.n = problem.customers();
		this.dist = cheapestArcCosts(problem);
		this.demand = problem.demand();
		this.capacity = problem.capacity();
		this.random = new Random(seed);
		long total = 0;
		int maxDemand = 1;
		for (int i = 1; i <= n; i++) {
			total += demand[i];
			maxDemand = Math.max(maxDemand, demand[i]);
		}
		this.totalDemand = total;
		int slots = (int) Math.ceil(1.3 * total / capacity) + 3;
		this.timeWindows = problem.hasTimeWindows();
		this.time = problem.duration();
		this.ready = problem.ready();
		this.due = problem.due();
		this.service = problem.service();
		this.fleet = problem.hasFleet();
		this.zones = fleet ? problem.zoneDemand().length : 1;
		this.zoneDemand = problem.zoneDemand();
		this.routeSlots = fleet ? problem.vehicles() : timeWindows ? (problem.vehicles() > 0 ? problem.vehicles() : n) : problem.vehicles() > 0 ? Math.min(problem.vehicles(), Math.max(slots, 1)) : Math.min(slots, Math.max(n, 1));
		double maxDist = 0;
		for (double[] row : dist) {
			for (double d : row) {
				maxDist = Math.max(maxDist, d);
			}
		}
		this.penaltyCapacity = Math.max(0.1, Math.min(1000, maxDist / maxDemand));
		this.neighbours = granularNeighbourhoods(granularity);
		// Slots of the largest vehicles first: Split gives the heaviest routes the first slots.
		this.slotCapacity = new int[routeSlots][];
		this.slotFixedCost = new double[routeSlots];
		this.slotType = new int[routeSlots];
		this.slotCost = new double[routeSlots][][];
		boolean differ = false;
		if (fleet) {
			Integer[] types = new Integer[problem.fleet().size()];
			for (int t = 0; t < types.length; t++) {
				types[t] = t;
			}
			Arrays.sort(types, (a, b) -> Integer.compare(problem.fleet().get(b).totalCapacity(), problem.fleet().get(a).totalCapacity()));
			int slot = 0;
			for (int t : types) {
				VehicleType type = problem.fleet().get(t);
				for (int k = 0; k < type.count(); k++, slot++) {
					slotCapacity[slot] = type.capacity();
					slotFixedCost[slot] = type.fixedCost();
					slotType[slot] = t;
				}
			}
			double[][][] perType = new double[problem.fleet().size()][][];
			for (int s = 0; s < routeSlots; s++) {
				int t = slotType[s];
				if (perType[t] == null) {
					perType[t] = arcCosts(problem, problem.fleet().get(t));
				}
				slotCost[s] = perType[t];
				differ |= perType[t] != dist;
			}
		}
		else {
			Arrays.fill(slotCost, dist);
		}
		this.slotCosts = differ;
		this.polarAngle = new int[n + 1];
		for (int i = 1; i <= n; i++) {
			double angle = Math.atan2(problem.y()[i] - problem.y()[0], problem.x()[i] - problem.x()[0]);
			polarAngle[i] = CircleSector.positiveMod((int) (32768. * angle / Math.PI));
		}
	}

	/** The problem's distances, or with a fleet whose types cost differently, each arc at its cheapest type. */
	private static double[][] cheapestArcCosts(Problem problem) {
		if (!problem.hasFleet() || problem.fleet().stream().allMatch(VehicleType::costsDistance)) {
			return problem.distance();
		}
		int size = problem.distance().length;
		double[][] cheapest = new double[size][size];
		for (double[] row : cheapest) {
			Arrays.fill(row, Double.MAX_VALUE);
		}
		for (VehicleType type : problem.fleet()) {
			if (type.count() == 0) {
				continue;
			}
			for (int i = 0; i < size; i++) {
				for (int j = 0; j < size; j++) {
					cheapest[i][j] = Math.min(cheapest[i][j], type.arcCost(problem.distance()[i][j], problem.duration()[i][j]));
				}
			}
		}
		return cheapest;
	}

	/** A type's arc costs: {@code dist} itself when they are the same. */
	private double[][] arcCosts(Problem problem, VehicleType type) {
		if (dist == problem.distance() && type.costsDistance()) {
			return dist;
		}
		int size = dist.length;
		double[][] costs = new double[size][size];
		boolean same = true;
		for (int i = 0; i < size; i++) {
			for (int j = 0; j < size; j++) {
				costs[i][j] = type.arcCost(problem.distance()[i][j], problem.duration()[i][j]);
				same &= costs[i][j] == dist[i][j];
			}
		}
		return same ? dist : costs;
	}

	/** The extra cost of customers in this order in a slot over their {@code dist} length (0 when the slot costs {@code dist}). */
	double slotExtra(int slot, int[] customers, int from, int length) {
		double[][] cost = slotCost[slot];
		if (cost == dist || length == 0) {
			return 0;
		}
		double extra = 0;
		int at = 0;
		for (int k = from; k < from + length; k++) {
			int c = customers[k];
			extra += cost[at][c] - dist[at][c];
			at = c;
		}
		return extra + cost[at][0] - dist[at][0];
	}

	/**
	 * How close j is to i for the granular neighbourhoods: their distance, and with time windows (as in
	 * Vidal et al. 2013 and PyVRP) plus 0.2 × the least waiting and 1 × the least time warp of visiting
	 * one right after the other, in the better of both orders.
	 */
	private double proximity(int i, int j) {
		if (!timeWindows) {
			return dist[i][j];
		}
		return Math.min(directedProximity(i, j), directedProximity(j, i));
	}

	private double directedProximity(int i, int j) {
		double earliestArrival = ready[i] + service[i] + time[i][j];
		double latestArrival = due[i] + service[i] + time[i][j];
		double waiting = Math.max(ready[j] - latestArrival, 0);
		double warp = Math.max(earliestArrival - due[j], 0);
		return dist[i][j] + 0.2 * waiting + warp;
	}

	/** For each customer its Γ nearest customers, made symmetric (j near i puts i near j). */
	private int[][] granularNeighbourhoods(int granularity) {
		boolean[][] near = new boolean[n + 1][];
		for (int i = 1; i <= n; i++) {
			near[i] = new boolean[n + 1];
		}
		int keep = Math.min(granularity, n - 1);
		int[] bestNode = new int[keep + 1];
		double[] bestKey = new double[keep + 1];
		for (int i = 1; i <= n; i++) {
			// The keep closest by insertion into a short sorted list (ties: the lower index first).
			int size = 0;
			for (int j = 1; j <= n; j++) {
				if (j == i) {
					continue;
				}
				double key = proximity(i, j);
				if (size == keep && key >= bestKey[size - 1]) {
					continue;
				}
				int k = size < keep ? size++ : size - 1;
				while (k > 0 && bestKey[k - 1] > key) {
					bestKey[k] = bestKey[k - 1];
					bestNode[k] = bestNode[k - 1];
					k--;
				}
				bestKey[k] = key;
				bestNode[k] = j;
			}
			for (int k = 0; k < size; k++) {
				near[i][bestNode[k]] = true;
				near[bestNode[k]][i] = true;
			}
		}
		int[][] result = new int[n + 1][];
		result[0] = new int[0];
		for (int i = 1; i <= n; i++) {
			int count = 0;
			for (int j = 1; j <= n; j++) {
				if (near[i][j]) {
					count++;
				}
			}
			result[i] = new int[count];
			count = 0;
			for (int j = 1; j <= n; j++) {
				if (near[i][j]) {
					result[i][count++] = j;
				}
			}
		}
		return result;
	}

	double penaltyExcessLoad(double load) {
		return Math.max(0, load - capacity) * penaltyCapacity;
	}

	/** The least time warp of customers visited in this order from the depot and back (0 without windows). */
	double timeWarp(int[] customers, int from, int length) {
		if (!timeWindows || length == 0) {
			return 0;
		}
		double t = ready[0];
		double warp = 0;
		int at = 0;
		for (int k = from; k < from + length; k++) {
			int c = customers[k];
			t = Math.max(t + time[at][c], ready[c]);
			if (t > due[c]) {
				warp += t - due[c];
				t = due[c];
			}
			t += service[c];
			at = c;
		}
		t += time[at][0];
		return warp + Math.max(0, t - due[0]);
	}

	/** Penalised excess over a slot's compartments plus its fixed cost when used (heterogeneous fleet). */
	double slotPenalty(int slot, int[] customers, int from, int length, double penalty) {
		if (length == 0) {
			return 0;
		}
		double excess = 0;
		for (int z = 0; z < zones; z++) {
			int load = 0;
			for (int k = from; k < from + length; k++) {
				load += zoneDemand[z][customers[k]];
			}
			excess += Math.max(0, load - slotCapacity[slot][z]);
		}
		return excess * penalty + slotFixedCost[slot];
	}

	double slotExcess(int slot, int[] customers, int from, int length) {
		double excess = 0;
		for (int z = 0; z < zones; z++) {
			int load = 0;
			for (int k = from; k < from + length; k++) {
				load += zoneDemand[z][customers[k]];
			}
			excess += Math.max(0, load - slotCapacity[slot][z]);
		}
		return excess;
	}

	void shuffle(int[] a) {
		for (int i = a.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
	}
}
