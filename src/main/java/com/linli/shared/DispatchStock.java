package com.linli.shared;

import java.util.Map;

/**
 * Whether the goods of a truck are there before it leaves: fulfilment asks before a grid warehouse's
 * dispatch; inventory, which sits above fulfilment, answers (dependency inversion, no cycle). SKUs
 * and warehouses by their plain ids.
 */
public interface DispatchStock {

	/**
	 * For a cutoff run's truck from a grid warehouse carrying {@code wanted} units per SKU in all: per SKU,
	 * {@code owed} the units not sent to the grid warehouse yet, {@code missing} those of them the region's
	 * central warehouse and the grid warehouse do not have now (held for the run or free). Both empty when
	 * the region keeps no stock (no central warehouse).
	 */
	Readiness readiness(long regionId, long runId, long gridWarehouseId, Map<Long, Long> wanted);

	/** Units per SKU id still to send and, of them, not there. */
	record Readiness(Map<Long, Long> owed, Map<Long, Long> missing) {

		public boolean complete() {
			return missing.isEmpty();
		}

		public boolean anythingOwed() {
			return !owed.isEmpty();
		}
	}
}
