package com.linli.fulfilment;

import java.time.Instant;

import com.linli.identity.AccountId;
import com.linli.network.WarehouseId;

/**
 * A truck left a grid warehouse (发车) with the goods of its pickup points for a cutoff run; when the
 * goods were not all there, staff overrode with {@code overrideReason} and {@code missingUnits} stayed behind.
 */
public record Dispatch(long id, CutoffRunId runId, WarehouseId gridWarehouseId, AccountId dispatchedBy,
		Instant dispatchedAt, int pickupPoints, int ordersShipped, String overrideReason, long missingUnits) {
}
