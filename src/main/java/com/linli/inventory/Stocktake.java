package com.linli.inventory;

import java.time.Instant;
import java.util.List;

import com.linli.network.WarehouseId;

/**
 * A count (盘点) of one warehouse: lines per batch with what the ledger expected when it opened and what
 * staff counted; closing books every variance as an ADJUSTMENT movement.
 */
public record Stocktake(long id, WarehouseId warehouseId, StocktakeStatus status, String note, Instant openedAt,
		Instant closedAt, List<StocktakeLine> lines) {

	public boolean isOpen() {
		return status == StocktakeStatus.OPEN;
	}

	/**
	 * The status this count closes to: CLOSED, if it is open; otherwise a 409 naming both statuses.
	 */
	public StocktakeStatus closing() {
		return status.to(StocktakeStatus.CLOSED);
	}

	public long counted() {
		return lines.stream().filter(l -> l.counted() != null).count();
	}
}
