package com.linli.logistics.solver;

/**
 * A routing problem: node 0 is the depot, nodes 1..n the customers. Distances and durations are
 * matrices over the nodes; time windows ({@code ready}, {@code due}) and service times are per node
 * ({@code null} when the problem has none). {@code vehicles} is the fleet size, 0 for unlimited.
 */
public record Problem(String name, double[] x, double[] y, int[] demand, int capacity, double[][] distance,
		double[][] duration, double[] ready, double[] due, double[] service, int vehicles) {

	public Problem {
		if (capacity <= 0) {
			throw new IllegalArgumentException("capacity must be positive, was " + capacity);
		}
		if (demand.length != distance.length || x.length != demand.length || y.length != demand.length) {
			throw new IllegalArgumentException("coordinates, demands and the distance matrix must cover the same nodes");
		}
		for (int i = 1; i < demand.length; i++) {
			if (demand[i] < 0 || demand[i] > capacity) {
				throw new IllegalArgumentException("customer " + i + " has demand " + demand[i] + ", outside 0.." + capacity);
			}
		}
	}

	/** A capacitated problem without time windows, durations equal to distances. */
	public static Problem capacitated(String name, double[] x, double[] y, int[] demand, int capacity, double[][] distance) {
		return new Problem(name, x, y, demand, capacity, distance, distance, null, null, null, 0);
	}

	/** The number of customers. */
	public int customers() {
		return demand.length - 1;
	}

	public boolean hasTimeWindows() {
		return ready != null;
	}
}
