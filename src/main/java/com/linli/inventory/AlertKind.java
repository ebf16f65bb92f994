package com.linli.inventory;

/** What a stock alert warns of (DESIGN.md section 6). */
public enum AlertKind {

	/** Available below safety stock. */
	STOCK_OUT_RISK,
	/** More days of cover than the threshold. */
	OVERSTOCK,
	/** A batch expires soon. */
	NEAR_EXPIRY
}
