package com.linli.logistics;

import java.time.LocalTime;

/** What staff enter for a vehicle (a new one, or the new state of one); nulls for the shift mean the default 04:30–10:00. */
public record NewVehicle(Long gridWarehouseId, String plate, String name, Integer ambientCrates, Integer chilledCrates,
		Integer frozenCrates, Integer maxKg, Long costPerKmFen, Long costPerHourFen, Long fixedCostFen,
		Long driverAccountId, LocalTime shiftStart, LocalTime latestReturn) {
}
