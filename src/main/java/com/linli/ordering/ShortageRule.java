package com.linli.ordering;

/**
 * Whose units go unserved when a SKU arrives short after cutoff.
 * <ul>
 * <li>{@code NEWEST_FIRST}: the newest orders are refunded first, so the oldest orders are served first (default);</li>
 * <li>{@code LARGEST_ORDER_FIRST}: the lines with the most units are cut first (newest first among equals), so
 * as many residents as possible get their goods;</li>
 * <li>{@code PROPORTIONAL}: every line loses the same share, rounded down; the units left over by rounding
 * come off the newest orders.</li>
 * </ul>
 */
public enum ShortageRule {
	NEWEST_FIRST, LARGEST_ORDER_FIRST, PROPORTIONAL
}
