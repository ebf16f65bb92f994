package com.linli.inventory;

/** What a stock alert warns of (DESIGN.md section 6). */
public enum AlertKind {

	/** Available below safety stock. */
	STOCK_OUT_RISK,
	/** More days of cover than the threshold. */
	OVERSTOCK,
	/** A batch expires soon. */
	NEAR_EXPIRY,
	/**
	 * The forecast's 0.95 quantile of demand before a purchase made now can arrive exceeds what is available
	 * and on order (raised by {@link ReplenishmentManagement#raiseStockoutWarnings}, not by the recomputation).
	 */
	STOCKOUT_AHEAD
}
