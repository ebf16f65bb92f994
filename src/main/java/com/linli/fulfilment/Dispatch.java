package com.linli.fulfilment;

import java.time.Instant;

import com.linli.identity.AccountId;
import com.linli.network.WarehouseId;

/** A truck left a grid warehouse (发车) with the goods of its pickup points for a cutoff run. */
public record Dispatch(long id, CutoffRunId runId, WarehouseId gridWarehouseId, AccountId dispatchedBy,
		Instant dispatchedAt, int pickupPoints, int ordersShipped) {
}
