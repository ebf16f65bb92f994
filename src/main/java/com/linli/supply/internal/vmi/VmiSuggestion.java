package com.linli.supply.internal.vmi;

import java.util.List;

import com.linli.inventory.DemandOutlook;

/**
 * The replenishment a VMI supplier is shown for a SKU at a central warehouse over the next days. The rule:
 * cover = Σ mean + √Σ (p95 − mean)² over the days (the daily spreads above the mean added in quadrature, as for
 * independent daily errors: a week's 95th percentile is less than the sum of the days' ones), rounded up to whole
 * units; suggested = cover − available − on order, rounded up to the supplier's minimum order quantity (a pack),
 * and 0 when stock and open orders already cover it. Plain Java, no Spring.
 */
public final class VmiSuggestion {

	private VmiSuggestion() {
	}

	/** Units that cover the days at about the 95% level: Σ mean + √Σ (p95 − mean)², rounded up. */
	public static long cover(List<DemandOutlook.Day> days) {
		double mean = 0;
		double squares = 0;
		for (var d : days) {
			mean += d.mean();
			double spread = Math.max(d.p95() - d.mean(), 0);
			squares += spread * spread;
		}
		// a hair below an integer is that integer (sums of doubles)
		return (long) Math.ceil(mean + Math.sqrt(squares) - 1e-9);
	}

	/** The spread above the mean over the days: √Σ (p95 − mean)². */
	public static double spread(List<DemandOutlook.Day> days) {
		double squares = 0;
		for (var d : days) {
			double spread = Math.max(d.p95() - d.mean(), 0);
			squares += spread * spread;
		}
		return Math.sqrt(squares);
	}

	/** cover − available − on order, rounded up to a multiple of {@code moq}; 0 when nothing is missing. */
	public static long suggested(long cover, long available, long onOrder, int moq) {
		long need = cover - Math.max(available, 0) - Math.max(onOrder, 0);
		if (need <= 0) {
			return 0;
		}
		int pack = Math.max(moq, 1);
		return ((need + pack - 1) / pack) * pack;
	}
}
