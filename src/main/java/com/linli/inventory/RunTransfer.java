package com.linli.inventory;

import com.linli.catalog.SkuId;
import com.linli.network.WarehouseId;

/**
 * A central -> grid transfer of one SKU made ahead of a cutoff run's trucks: the units planned when it was
 * first executed, those moved so far (fewer while the central warehouse is short), those moved by the last
 * execution, and those a dispatch of the run has since sold out of the grid warehouse.
 */
public record RunTransfer(long runId, WarehouseId gridWarehouseId, WarehouseId centralWarehouseId, SkuId skuId,
		long wanted, long moved, long movedNow, long used) {

	/** Units still owed by the central warehouse. */
	public long shortUnits() {
		return wanted - moved;
	}
}
