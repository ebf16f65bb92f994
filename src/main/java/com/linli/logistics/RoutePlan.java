package com.linli.logistics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The delivery plan of one grid warehouse for one cutoff run (the morning of its pickup date): SOLVING
 * while the solver runs (best cost so far in {@code bestCostFen}), READY with its routes, FAILED with the
 * cause, SUPERSEDED when a newer plan of the same run and warehouse replaced it.
 */
public record RoutePlan(long id, long runId, long regionId, long gridWarehouseId, LocalDate pickupDate, String status,
		int timeLimitMs, Long bestCostFen, int elapsedMs, Double totalKm, Long totalCostFen, int lateStops,
		String failure, Long createdBy, Instant createdAt, Instant finishedAt, int version) {

	public boolean ready() {
		return "READY".equals(status);
	}
}
