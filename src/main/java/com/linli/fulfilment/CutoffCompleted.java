package com.linli.fulfilment;

import java.time.LocalDate;

import com.linli.network.RegionId;

/**
 * A cutoff run finished: the demand per SKU ({@link CutoffManagement#demand}) is ready for purchasing.
 * Published again only when a rerun changed the totals; listeners key on {@code runId}.
 */
public record CutoffCompleted(CutoffRunId runId, RegionId regionId, LocalDate pickupDate, int orders, long lines,
		long units) {
}
