package com.linli.logistics;

/**
 * One SKU of a transfer plan: {@code needed} by the grid warehouse's pickup points, {@code atGrid} available
 * there, {@code atCentral} the run's held plus free units at the central warehouse; {@code planned} the units to
 * move (fixed once executed), {@code moved} so far, {@code movedNow} by the last execution, {@code shortUnits}
 * still owed by the central warehouse.
 */
public record TransferLine(long skuId, String skuName, String unit, long needed, long atGrid, long atCentral,
		long planned, long moved, long movedNow, boolean recorded) {

	public long shortUnits() {
		return recorded ? planned - moved : Math.max(0, planned - atCentral);
	}
}
