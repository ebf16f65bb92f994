package com.linli.inventory.internal.replenish;

/**
 * The suggested listing cap for a pickup date from the same forecast purchases read: the day's 0.8
 * quantile, rounded up. Four days in five the cap does not turn a resident away; on the fifth it keeps
 * the platform from promising what the purchase (sized to the same forecast) is unlikely to bring.
 */
public final class ListingCap {

	/** The quantile a cap is set to. */
	public static final double QUANTILE = 0.8;

	private ListingCap() {
	}

	/** ⌈p80⌉ of the day, 0 when there is no forecast. */
	public static long units(Double p80) {
		return p80 == null ? 0 : (long) Math.ceil(Math.max(0, p80) - 1e-9);
	}
}
