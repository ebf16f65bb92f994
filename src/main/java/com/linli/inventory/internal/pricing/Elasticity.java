package com.linli.inventory.internal.pricing;

import java.util.List;

/**
 * The price elasticity of demand measured from past promotions, pure arithmetic. A promotion that sold
 * {@code lift} times the usual units at {@code ratio} times the usual price gives the constant elasticity
 * {@code ε = ln(lift) / ln(ratio)} (demand ∝ price^ε). Bounded to [{@value #MOST_ELASTIC}, {@value #LEAST_ELASTIC}]:
 * a few promoted days are a noisy measurement. Without a usable measurement (no promoted day, no lift, no
 * price cut) the default {@value #DEFAULT} stands: the middle of the promotional elasticities reported for
 * grocery (Bijmolt, van Heerde &amp; Pieters, "New empirical generalizations on the determinants of price
 * elasticity", J. Marketing Research 42 (2005) 141-156, report a mean of −2.6 over all categories, food
 * staples and fresh produce lower).
 */
public final class Elasticity {

	public static final double DEFAULT = -1.5;

	public static final double MOST_ELASTIC = -4.0;

	public static final double LEAST_ELASTIC = -0.3;

	/** ε with where it came from; {@code lift} and {@code ratio} are those measured (null when not). */
	public record Estimate(double value, boolean measured, Double lift, Double ratio) {
	}

	/** One SKU's open days: units and whether the day was promoted. */
	public record Series(double[] units, boolean[] promoted) {
	}

	private Elasticity() {
	}

	/** ε from a lift and a price ratio (promoted price / usual price), bounded; the default when unusable. */
	public static Estimate fromLift(Double lift, Double ratio) {
		if (lift == null || ratio == null || !(lift > 1) || !(ratio > 0 && ratio < 1)) {
			return new Estimate(DEFAULT, false, lift, ratio);
		}
		double e = Math.log(lift) / Math.log(ratio);
		return new Estimate(Math.max(MOST_ELASTIC, Math.min(LEAST_ELASTIC, e)), true, lift, ratio);
	}

	/**
	 * The pooled promotion lift of a region: units sold on promoted days over what the same SKUs sell on a
	 * usual day (the mean of their non-promoted open days) times the promoted days; null without a promoted
	 * day of a SKU that also has usual days.
	 */
	public static Double lift(List<Series> series) {
		double sold = 0;
		double expected = 0;
		for (Series s : series) {
			double usual = 0;
			int usualDays = 0;
			double promotedUnits = 0;
			int promotedDays = 0;
			for (int t = 0; t < s.units().length; t++) {
				if (s.promoted()[t]) {
					promotedUnits += s.units()[t];
					promotedDays++;
				}
				else {
					usual += s.units()[t];
					usualDays++;
				}
			}
			if (promotedDays > 0 && usualDays > 0) {
				sold += promotedUnits;
				expected += usual / usualDays * promotedDays;
			}
		}
		return expected > 0 ? sold / expected : null;
	}
}
