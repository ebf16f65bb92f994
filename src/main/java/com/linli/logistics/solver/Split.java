package com.linli.logistics.solver;

/**
 * Cuts a giant tour into routes at the least penalised cost (Vidal 2016, "Split algorithm in O(n) for the
 * capacitated vehicle routing problem"): the linear algorithm for an unlimited fleet, with excess load
 * penalised linearly. Routes beyond the individual's route slots join the last slot, where the local
 * search sees them as excess load.
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

	Split(SearchContext context) {
		this.context = context;
		int n = context.n;
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
