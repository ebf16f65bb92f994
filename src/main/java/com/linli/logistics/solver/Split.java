package com.linli.logistics.solver;

/**
 * Cuts a giant tour into routes at the least penalised cost (Vidal 2016, "Split algorithm in O(n) for the
 * capacitated vehicle routing problem"): the linear algorithm for an unlimited fleet, with excess load
 * penalised linearly; Bellman's algorithm with time windows. With a heterogeneous fleet, a bounded split:
 * labels per count of vehicles used of each type, so no type is used more often than it exists, each route
 * costed at its type's arc costs and fixed cost with its compartments' excess penalised. Routes beyond the
 * individual's route slots (unbounded splits) join the last slot, where the local search sees them as
 * excess load.
 */
final class Split {

	private static final double EPSILON = 1e-5;

	private final SearchContext context;

	private final double[] sumDistance;

	private final double[] sumLoad;

	private final double[] fromDepot;

	private final double[] toDepot;

	private final double[] potential;

	private final int[] pred;

	private final int[] queue;

	private final int[] routeEnds;

	// Bounded heterogeneous fleet: labels per tour position and per count of vehicles used of each type
	// (a mixed-radix number), allocated once.
	private final int types;

	private final int[] typeCount;

	private final int[] radix;

	private final int[] firstSlotOfType;

	private final int states;

	private final double[] fleetPotential;

	private final int[] fleetPredPosition;

	private final int[] fleetPredState;

	private final double[] segmentLoad;

	private final double[] runningArcs;

	private final int[] routeTypes;

	private final int[] copy;

	Split(SearchContext context) {
		this.context = context;
		int n = context.n;
		copy = new int[n];
		routeTypes = new int[n + 2];
		if (context.fleet) {
			int t = 0;
			for (int slot = 0; slot < context.routeSlots; slot++) {
				t = Math.max(t, context.slotType[slot] + 1);
			}
			types = t;
			typeCount = new int[types];
			firstSlotOfType = new int[types];
			java.util.Arrays.fill(firstSlotOfType, -1);
			for (int slot = 0; slot < context.routeSlots; slot++) {
				int type = context.slotType[slot];
				if (firstSlotOfType[type] < 0) {
					firstSlotOfType[type] = slot;
				}
				typeCount[type]++;
			}
			radix = new int[types];
			long size = 1;
			for (int k = 0; k < types; k++) {
				radix[k] = (int) Math.min(size, Integer.MAX_VALUE);
				size = Math.min(size * (typeCount[k] + 1), 1L << 40);
			}
			// Labels beyond a few million: the unbounded split, routes assigned to slots by load.
			states = size * (n + 1) <= 4_000_000 ? (int) size : 0;
		}
		else {
			types = 0;
			typeCount = radix = firstSlotOfType = new int[0];
			states = 0;
		}
		fleetPotential = new double[states == 0 ? 0 : states * (n + 1)];
		fleetPredPosition = new int[fleetPotential.length];
		fleetPredState = new int[fleetPotential.length];
		segmentLoad = new double[context.fleet ? context.zones : 0];
		runningArcs = new double[types];
		sumDistance = new double[n + 2];
		sumLoad = new double[n + 2];
		fromDepot = new double[n + 2];
		toDepot = new double[n + 2];
		potential = new double[n + 2];
		pred = new int[n + 2];
		queue = new int[n + 2];
		routeEnds = new int[n + 2];
	}

	/** Sets the individual's route sizes from its tour and evaluates it; answers the split's cost. */
	double split(Individual individual) {
		if (states > 0) {
			double cost = splitBoundedFleet(individual);
			if (cost < 1e29) {
				return cost;
			}
		}
		if (context.timeWindows) {
			return splitWithTimeWindows(individual);
		}
		int n = context.n;
		double[][] d = context.dist;
		int[] tour = individual.tour;
		for (int i = 1; i <= n; i++) {
			int c = tour[i - 1];
			sumLoad[i] = sumLoad[i - 1] + context.demand[c];
			fromDepot[i] = d[0][c];
			toDepot[i] = d[c][0];
			sumDistance[i] = i == 1 ? 0 : sumDistance[i - 1] + d[tour[i - 2]][c];
			potential[i] = 1e30;
		}
		sumDistance[n + 1] = sumDistance[n];
		fromDepot[n + 1] = 0;
		potential[0] = 0;
		int head = 0;
		int tail = 0;
		queue[tail++] = 0;
		for (int i = 1; i <= n; i++) {
			potential[i] = propagate(queue[head], i);
			pred[i] = queue[head];
			if (i < n) {
				if (!dominates(queue[tail - 1], i)) {
					while (tail > head && dominatesRight(queue[tail - 1], i)) {
						tail--;
					}
					queue[tail++] = i;
				}
				while (tail - head > 1 && propagate(queue[head], i + 1) > propagate(queue[head + 1], i + 1) - EPSILON) {
					head++;
				}
			}
		}
		return cut(individual);
	}

	/**
	 * With time windows the linear algorithm does not apply: Bellman's algorithm on the tour, each route
	 * extended while its load stays under 1.5 capacities, its time warp simulated as it grows.
	 */
	private double splitWithTimeWindows(Individual individual) {
		int n = context.n;
		double[][] d = context.dist;
		double[][] t = context.time;
		int[] tour = individual.tour;
		java.util.Arrays.fill(potential, 0, n + 1, 1e30);
		potential[0] = 0;
		for (int i = 0; i < n; i++) {
			double load = 0;
			double distance = 0;
			double time = context.ready[0];
			double warp = 0;
			int at = 0;
			for (int j = i + 1; j <= n; j++) {
				int c = tour[j - 1];
				load += context.demand[c];
				distance += d[at][c];
				time = Math.max(time + t[at][c], context.ready[c]);
				if (time > context.due[c]) {
					warp += time - context.due[c];
					time = context.due[c];
				}
				time += context.service[c];
				at = c;
				double back = time + t[c][0];
				double cost = potential[i] + distance + d[c][0] + context.penaltyCapacity * Math.max(0, load - context.capacity)
						+ context.penaltyTimeWarp * (warp + Math.max(0, back - context.due[0]));
				if (cost < potential[j]) {
					potential[j] = cost;
					pred[j] = i;
				}
				if (load > 1.5 * context.capacity) {
					break;
				}
			}
		}
		return cut(individual);
	}

	/**
	 * A heterogeneous fleet with a number of vehicles per type (Bellman's algorithm on the tour with a
	 * label per count of vehicles used of each type, as in Vidal's split for heterogeneous fleets): route
	 * (i, j] with type t costs its arcs at t's costs, t's fixed cost, penalised excess over t's
	 * compartments and penalised time warp; at most {@code count} routes of each type. Answers 1e30 when
	 * the tour cannot be cut within the fleet (then the unbounded split applies).
	 */
	private double splitBoundedFleet(Individual individual) {
		int n = context.n;
		int[] tour = individual.tour;
		int zones = context.zones;
		double maxCapacity = 0;
		for (int slot = 0; slot < context.routeSlots; slot++) {
			int total = 0;
			for (int z = 0; z < zones; z++) {
				total += context.slotCapacity[slot][z];
			}
			maxCapacity = Math.max(maxCapacity, total);
		}
		java.util.Arrays.fill(fleetPotential, 1e30);
		fleetPotential[0] = 0;
		for (int i = 0; i < n; i++) {
			int base = i * states;
			boolean reached = false;
			for (int s = 0; s < states && !reached; s++) {
				reached = fleetPotential[base + s] < 1e29;
			}
			if (!reached) {
				continue;
			}
			java.util.Arrays.fill(segmentLoad, 0);
			java.util.Arrays.fill(runningArcs, 0);
			double totalLoad = 0;
			double time = context.timeWindows ? context.ready[0] : 0;
			double warp = 0;
			int at = 0;
			for (int j = i + 1; j <= n; j++) {
				int c = tour[j - 1];
				for (int z = 0; z < zones; z++) {
					segmentLoad[z] += context.zoneDemand[z][c];
				}
				totalLoad += context.demand[c];
				if (context.timeWindows) {
					time = Math.max(time + context.time[at][c], context.ready[c]);
					if (time > context.due[c]) {
						warp += time - context.due[c];
						time = context.due[c];
					}
					time += context.service[c];
				}
				double routeWarp = context.timeWindows ? warp + Math.max(0, time + context.time[c][0] - context.due[0]) : 0;
				for (int t = 0; t < types; t++) {
					int slot = firstSlotOfType[t];
					if (slot < 0) {
						continue;
					}
					double[][] cost = context.slotCost[slot];
					runningArcs[t] += cost[at][c];
					double arcs = runningArcs[t] + cost[c][0];
					double excess = 0;
					for (int z = 0; z < zones; z++) {
						excess += Math.max(0, segmentLoad[z] - context.slotCapacity[slot][z]);
					}
					double route = arcs + context.slotFixedCost[slot] + context.penaltyCapacity * excess + context.penaltyTimeWarp * routeWarp;
					int target = j * states;
					for (int s = 0; s < states; s++) {
						double p = fleetPotential[base + s];
						if (p >= 1e29 || (s / radix[t]) % (typeCount[t] + 1) == typeCount[t]) {
							continue;
						}
						int next = s + radix[t];
						if (p + route < fleetPotential[target + next]) {
							fleetPotential[target + next] = p + route;
							fleetPredPosition[target + next] = i;
							fleetPredState[target + next] = s;
						}
					}
				}
				at = c;
				if (totalLoad > 1.5 * maxCapacity) {
					break;
				}
			}
		}
		int bestState = -1;
		double best = 1e30;
		for (int s = 0; s < states; s++) {
			if (fleetPotential[n * states + s] < best) {
				best = fleetPotential[n * states + s];
				bestState = s;
			}
		}
		if (bestState < 0) {
			return 1e30;
		}
		// Walk back: routes (pred, end] with the type whose count grew; each takes the next free slot of its type.
		int count = 0;
		for (int end = n, s = bestState; end > 0;) {
			int label = end * states + s;
			int previousState = fleetPredState[label];
			int grown = 0;
			for (int t = 0; t < types; t++) {
				if ((s / radix[t]) % (typeCount[t] + 1) != (previousState / radix[t]) % (typeCount[t] + 1)) {
					grown = t;
				}
			}
			routeEnds[count] = end;
			routeTypes[count] = grown;
			count++;
			end = fleetPredPosition[label];
			s = previousState;
		}
		System.arraycopy(tour, 0, copy, 0, n);
		java.util.Arrays.fill(individual.routeSize, 0);
		int position = 0;
		for (int slot = 0; slot < context.routeSlots; slot++) {
			int type = context.slotType[slot];
			// The first unused route of this type, in tour order (routeEnds is stored backwards).
			for (int k = count - 1; k >= 0; k--) {
				if (routeTypes[k] == type && routeEnds[k] > 0) {
					int end = routeEnds[k];
					int start = k == count - 1 ? 0 : Math.abs(routeEnds[k + 1]);
					for (int p = start; p < end; p++) {
						individual.tour[position++] = copy[p];
					}
					individual.routeSize[slot] = end - start;
					routeEnds[k] = -end;
					break;
				}
			}
		}
		individual.evaluate(context);
		return best;
	}

	/** Walks the predecessors back: route r serves tour positions pred..end. */
	private double cut(Individual individual) {
		int n = context.n;
		int count = 0;
		for (int end = n; end > 0; end = pred[end]) {
			routeEnds[count++] = end;
		}
		int slots = individual.routeSize.length;
		java.util.Arrays.fill(individual.routeSize, 0);
		if (context.fleet) {
			assignToSlots(individual, count);
			individual.evaluate(context);
			return potential[n];
		}
		int start = 0;
		for (int k = count - 1, r = 0; k >= 0; k--, r++) {
			int end = routeEnds[k];
			individual.routeSize[Math.min(r, slots - 1)] += end - start;
			start = end;
		}
		individual.evaluate(context);
		return potential[n];
	}

	/**
	 * Heterogeneous fleet: the heaviest routes take the first slots (the largest vehicles); routes beyond
	 * the fleet join the last slot. The tour is rewritten in slot order.
	 */
	private void assignToSlots(Individual individual, int count) {
		int slots = individual.routeSize.length;
		Integer[] order = new Integer[count];
		for (int k = 0; k < count; k++) {
			order[k] = k;
		}
		// Route k (in tour order) spans positions routeStart(k)..routeEnd(k); routeEnds is stored backwards.
		int[] starts = new int[count];
		int[] ends = new int[count];
		int start = 0;
		for (int k = 0; k < count; k++) {
			ends[k] = routeEnds[count - 1 - k];
			starts[k] = start;
			start = ends[k];
		}
		java.util.Arrays.sort(order, (a, b) -> Double.compare(sumLoad[ends[b]] - sumLoad[starts[b]], sumLoad[ends[a]] - sumLoad[starts[a]]));
		int[] copy = individual.tour.clone();
		int position = 0;
		for (int slot = 0; slot < slots; slot++) {
			int from = slot;
			int to = slot == slots - 1 ? count : Math.min(slot + 1, count);
			for (int k = from; k < to; k++) {
				int route = order[k];
				for (int p = starts[route]; p < ends[route]; p++) {
					individual.tour[position++] = copy[p];
				}
				individual.routeSize[slot] += ends[route] - starts[route];
			}
		}
	}

	private double propagate(int i, int j) {
		return potential[i] + sumDistance[j] - sumDistance[i + 1] + fromDepot[i + 1] + toDepot[j]
				+ context.penaltyCapacity * Math.max(sumLoad[j] - sumLoad[i] - context.capacity, 0);
	}

	/** Whether predecessor i (earlier) is always at least as good as j for what follows. */
	private boolean dominates(int i, int j) {
		return potential[j] + fromDepot[j + 1] > potential[i] + fromDepot[i + 1] + sumDistance[j + 1] - sumDistance[i + 1]
				+ context.penaltyCapacity * (sumLoad[j] - sumLoad[i]);
	}

	/** Whether j (later) is always at least as good as i for what follows. */
	private boolean dominatesRight(int i, int j) {
		return potential[j] + fromDepot[j + 1] < potential[i] + fromDepot[i + 1] + sumDistance[j + 1] - sumDistance[i + 1] + EPSILON;
	}
}
