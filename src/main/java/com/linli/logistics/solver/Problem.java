package com.linli.logistics.solver;

/**
 * A routing problem: node 0 is the depot, nodes 1..n the customers. Distances and durations are
 * matrices over the nodes; time windows ({@code ready}, {@code due}) and service times are per node
 * ({@code null} when the problem has none). {@code vehicles} is the fleet size, 0 for unlimited.
 * With a heterogeneous fleet ({@code fleet} not null), {@code zoneDemand[z][i]} is customer i's demand
 * in temperature zone z, each vehicle type has a capacity per zone and a fixed cost; {@code demand} is
 * then the total over the zones and {@code capacity} the largest vehicle's total.
 */
public record Problem(String name, double[] x, double[] y, int[] demand, int capacity, double[][] distance,
		double[][] duration, double[] ready, double[] due, double[] service, int vehicles, int[][] zoneDemand,
		java.util.List<VehicleType> fleet) {

	public Problem {
		if (capacity <= 0) {
			throw new IllegalArgumentException("capacity must be positive, was " + capacity);
		}
		if (demand.length != distance.length || x.length != demand.length || y.length != demand.length) {
			throw new IllegalArgumentException("coordinates, demands and the distance matrix must cover the same nodes");
		}
		for (int i = 1; i < demand.length; i++) {
			if (demand[i] < 0 || (fleet == null && demand[i] > capacity)) {
				throw new IllegalArgumentException("customer " + i + " has demand " + demand[i] + ", outside 0.." + capacity);
			}
		}
		if (fleet != null) {
			for (int i = 1; i < demand.length; i++) {
				boolean fits = false;
				for (VehicleType type : fleet) {
					boolean all = type.count() > 0;
					for (int z = 0; z < zoneDemand.length; z++) {
						all &= zoneDemand[z][i] <= type.capacity()[z];
					}
					fits |= all;
				}
				if (!fits) {
					throw new IllegalArgumentException("customer " + i + "'s load fits in no vehicle of the fleet");
				}
			}
		}
	}

	public Problem(String name, double[] x, double[] y, int[] demand, int capacity, double[][] distance, double[][] duration,
			double[] ready, double[] due, double[] service, int vehicles) {
		this(name, x, y, demand, capacity, distance, duration, ready, due, service, vehicles, null, null);
	}

	/**
	 * A problem with a heterogeneous fleet and compartments: {@code zoneDemand[z][i]} per zone and
	 * customer (depot 0), windows optional ({@code ready} null for none).
	 */
	public static Problem withFleet(String name, double[] x, double[] y, int[][] zoneDemand, java.util.List<VehicleType> fleet,
			double[][] distance, double[][] duration, double[] ready, double[] due, double[] service) {
		int size = distance.length;
		int[] total = new int[size];
		for (int[] zone : zoneDemand) {
			for (int i = 0; i < size; i++) {
				total[i] += zone[i];
			}
		}
		int largest = 0;
		int vehicles = 0;
		for (VehicleType type : fleet) {
			if (type.capacity().length != zoneDemand.length) {
				throw new IllegalArgumentException("vehicle type " + type.name() + " has " + type.capacity().length
						+ " compartments for " + zoneDemand.length + " zones");
			}
			largest = Math.max(largest, type.totalCapacity());
			vehicles += type.count();
		}
		return new Problem(name, x, y, total, Math.max(largest, 1), distance, duration, ready, due, service, vehicles,
				zoneDemand, java.util.List.copyOf(fleet));
	}

	public boolean hasFleet() {
		return fleet != null;
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
