package com.linli.logistics;

import java.time.LocalTime;

/**
 * A vehicle of a grid warehouse: capacity per temperature compartment in crates, its weight limit, what it
 * costs (fen per km, per hour, per morning used), its usual driver and shift (local time of the region).
 */
public record Vehicle(long id, long regionId, long gridWarehouseId, String plate, String name, int ambientCrates,
		int chilledCrates, int frozenCrates, int maxKg, long costPerKmFen, long costPerHourFen, long fixedCostFen,
		Long driverAccountId, LocalTime shiftStart, LocalTime latestReturn, boolean active, int version) {

	public int crates() {
		return ambientCrates + chilledCrates + frozenCrates;
	}

	/** Whether it can carry chilled or frozen goods. */
	public boolean refrigerated() {
		return chilledCrates > 0 || frozenCrates > 0;
	}
}
