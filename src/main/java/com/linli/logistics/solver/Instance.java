package com.linli.logistics.solver;

/**
 * A benchmark instance as read from its file: coordinates, demands, capacity and, for VRPTW, time
 * windows and service times (node 0 is the depot). {@code convention} says how distances are derived
 * from the coordinates, which is how the best known costs were computed.
 */
public record Instance(String name, double[] x, double[] y, int[] demand, int capacity, int vehicles, double[] ready,
		double[] due, double[] service, Convention convention) {

	/** How a distance is derived from the coordinates. */
	public enum Convention {
		/** TSPLIB EUC_2D: Euclidean distance rounded to the nearest integer (CVRPLIB X instances). */
		ROUNDED,
		/** DIMACS VRPTW: Euclidean distance truncated to one decimal, the same value as the travel time. */
		TRUNCATED_ONE_DECIMAL
	}

	public boolean hasTimeWindows() {
		return ready != null;
	}

	public int customers() {
		return demand.length - 1;
	}

	/** The instance as a problem for the solvers, with its distance (and duration) matrix. */
	public Problem toProblem() {
		int size = demand.length;
		double[][] distance = new double[size][size];
		for (int i = 0; i < size; i++) {
			for (int j = 0; j < size; j++) {
				double euclidean = Math.sqrt((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j]));
				distance[i][j] = convention == Convention.ROUNDED ? Math.floor(euclidean + 0.5) : Math.floor(euclidean * 10) / 10;
			}
		}
		return new Problem(name, x, y, demand, capacity, distance, distance, ready, due, service,
				hasTimeWindows() ? vehicles : 0);
	}
}
