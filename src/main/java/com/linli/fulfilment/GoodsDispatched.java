package com.linli.fulfilment;

import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;

/**
 * A truck left a grid warehouse for a cutoff run: {@code lines} are the units per SKU ordered for the
 * pickup points it serves, all of them so far (a second dispatch after a rerun carries the new totals).
 * Inventory moves these goods out of stock.
 */
public record GoodsDispatched(CutoffRunId runId, RegionId regionId, LocalDate pickupDate, WarehouseId gridWarehouseId,
		List<Line> lines) {

	/** Units of one SKU. */
	public record Line(SkuId skuId, long units) {
	}
}
