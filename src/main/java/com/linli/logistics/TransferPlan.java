package com.linli.logistics;

import java.time.LocalDate;
import java.util.List;

/**
 * The central -> grid transfer of one cutoff run and grid warehouse: per SKU, the units its pickup points need,
 * what the grid warehouse already has, what the central warehouse can give, and what was planned and moved.
 */
public record TransferPlan(long runId, long regionId, LocalDate pickupDate, long gridWarehouseId, String gridWarehouseName,
		Long centralWarehouseId, String centralWarehouseName, boolean runCompleted, List<TransferLine> lines) {

	public long plannedUnits() {
		return lines.stream().mapToLong(TransferLine::planned).sum();
	}

	public long movedUnits() {
		return lines.stream().mapToLong(TransferLine::moved).sum();
	}

	public long movedNowUnits() {
		return lines.stream().mapToLong(TransferLine::movedNow).sum();
	}

	public long shortUnits() {
		return lines.stream().mapToLong(TransferLine::shortUnits).sum();
	}

	/** Whether an execution was recorded (possibly partial). */
	public boolean executed() {
		return lines.stream().anyMatch(TransferLine::recorded);
	}
}
