package com.linli.inventory;

/**
 * What moved stock: goods received, transferred central -> grid, sold, returned, damaged or corrected by a
 * stocktake. RESERVE and RELEASE name reservations, which change what is available but never the on-hand
 * figure, so the ledger does not record them.
 */
public enum MovementKind {

	RECEIPT, RESERVE, RELEASE, TRANSFER_OUT, TRANSFER_IN, SALE, RETURN, DAMAGE, ADJUSTMENT;

	/** Does this kind add units (+), take them (-), or may it go either way (stocktake adjustment)? */
	public int sign() {
		return switch (this) {
			case RECEIPT, TRANSFER_IN, RETURN -> 1;
			case TRANSFER_OUT, SALE, DAMAGE -> -1;
			case ADJUSTMENT, RESERVE, RELEASE -> 0;
		};
	}
}
