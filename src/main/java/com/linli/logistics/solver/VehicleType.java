package com.linli.logistics.solver;

/**
 * A kind of vehicle of a heterogeneous fleet: its capacity per temperature zone (compartment), the
 * fixed cost of using one, how many there are (at most that many routes use this type), and its costs
 * per distance unit and per duration unit driven: a route of this type costs {@code fixedCost +
 * costPerDistance × distance + costPerDuration × travel time} (service and waiting times are not
 * costed).
 */
public record VehicleType(String name, int[] capacity, double fixedCost, int count, double costPerDistance, double costPerDuration) {

	public VehicleType {
		if (count < 0) {
			throw new IllegalArgumentException("vehicle type " + name + ": negative count " + count);
		}
		for (int c : capacity) {
			if (c < 0) {
				throw new IllegalArgumentException("vehicle type " + name + ": negative capacity " + c);
			}
		}
		if (!(costPerDistance >= 0) || !(costPerDuration >= 0) || !(fixedCost >= 0)) {
			throw new IllegalArgumentException("vehicle type " + name + ": costs must be non-negative");
		}
	}

	/** A type whose routes cost their distance (cost 1 per distance unit, none per duration) plus the fixed cost. */
	public VehicleType(String name, int[] capacity, double fixedCost, int count) {
		this(name, capacity, fixedCost, count, 1, 0);
	}

	int totalCapacity() {
		int total = 0;
		for (int c : capacity) {
			total += c;
		}
		return total;
	}

	/** The cost of driving from i to j with this type (without the fixed cost). */
	double arcCost(double distance, double duration) {
		return costPerDistance * distance + costPerDuration * duration;
	}

	/** Whether this type's routes cost exactly their distance. */
	boolean costsDistance() {
		return costPerDistance == 1 && costPerDuration == 0;
	}
}
