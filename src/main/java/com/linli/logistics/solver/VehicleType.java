package com.linli.logistics.solver;

/**
 * A kind of vehicle of a heterogeneous fleet: its capacity per temperature zone (compartment), the
 * fixed cost of using one, and how many there are.
 */
public record VehicleType(String name, int[] capacity, double fixedCost, int count) {

	public VehicleType {
		if (count < 0) {
			throw new IllegalArgumentException("vehicle type " + name + ": negative count " + count);
		}
		for (int c : capacity) {
			if (c < 0) {
				throw new IllegalArgumentException("vehicle type " + name + ": negative capacity " + c);
			}
		}
	}

	int totalCapacity() {
		int total = 0;
		for (int c : capacity) {
			total += c;
		}
		return total;
	}
}
