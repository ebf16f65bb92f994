package com.linli.fulfilment;

import java.time.Instant;
import java.time.LocalDate;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;

/**
 * The cutoff of one region and pickup date: its progress while it runs, its totals once complete.
 * {@code lines} counts the sorting lines written so far; {@code pointsDone} of {@code pointsExpected}
 * the region's pickup points whose lines are written.
 * {@code lastError} tells why the last attempt stopped, until the run is resumed.
 */
public record CutoffRun(CutoffRunId id, RegionId regionId, LocalDate pickupDate, CutoffStatus status,
		AccountId startedBy, Instant startedAt, Instant updatedAt, Instant finishedAt, int attempts,
		int ordersConfirmed, int pointsExpected, int pointsDone, int orders, long lines, long units, int pickupPoints,
		int gridWarehouses, int progressPercent, PickupPointId lastPickupPointId, String lastError) {

	public boolean isCompleted() {
		return status == CutoffStatus.COMPLETED;
	}

	/** Running, but the last attempt stopped with an error: it waits to be resumed. */
	public boolean isInterrupted() {
		return status == CutoffStatus.RUNNING && lastError != null;
	}
}
