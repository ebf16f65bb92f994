package com.linli.aftersales.internal.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * The arithmetic of the daily quality alert, without Spring. For one SKU in one region and one day:
 * <ul>
 * <li>the day's rate = the day's product-cause requests ÷ the units picked up that day; a SKU not picked up that
 * day (requests come a day or two after pickup) is divided by its average units per pickup day of the 28 days
 * before; a SKU with neither is not judged (nothing was handed out to be at fault);</li>
 * <li>the baseline = the SKU's own rate over the 28 days before (its product-cause requests ÷ its units); a SKU
 * with no units in those days (new, or back after a pause) takes the region's rate of its category over the same
 * days, and when the category has none either, the floor;</li>
 * <li>the floor ({@code floorRate}) is also the least baseline: a SKU that had no complaint for weeks is not
 * alerted for a couple in thousands of units;</li>
 * <li>an alert when the day has at least {@code minRequests} requests and its rate is strictly above
 * {@code factor} × the baseline (exactly twice is no alert).</li>
 * </ul>
 * Compared exactly (decimal fractions), so "exactly twice" does not depend on rounding.
 */
public record QualityRule(BigDecimal factor, int minRequests, BigDecimal floorRate) {

	private static final MathContext PRECISION = MathContext.DECIMAL128;

	/** Where the baseline came from. */
	public enum Basis {
		SKU, CATEGORY, FLOOR
	}

	/** One SKU's figures: the day's requests and units; the 28 days' requests, units and pickup days. */
	public record Figures(int dayRequests, long dayUnits, int baseRequests, long baseUnits, int baseDays) {
	}

	/** The region's figures of the SKU's category over the 28 days. */
	public record CategoryFigures(long requests, long units) {

		public static final CategoryFigures NONE = new CategoryFigures(0, 0);
	}

	/** The outcome: the rates compared and whether they make an alert. */
	public record Verdict(boolean alert, double rate, double baselineRate, Basis basis) {
	}

	/** The verdict, or empty when the SKU had no units to divide by (nothing to judge). */
	public Optional<Verdict> judge(Figures f, CategoryFigures category) {
		// rate = rateNum / rateDen, baseline = baseNum / baseDen: compared by cross-multiplying, exactly
		BigDecimal rateNum;
		BigDecimal rateDen;
		if (f.dayUnits() > 0) {
			rateNum = BigDecimal.valueOf(f.dayRequests());
			rateDen = BigDecimal.valueOf(f.dayUnits());
		}
		else if (f.baseDays() > 0 && f.baseUnits() > 0) {
			rateNum = BigDecimal.valueOf((long) f.dayRequests() * f.baseDays());
			rateDen = BigDecimal.valueOf(f.baseUnits());
		}
		else {
			return Optional.empty();
		}
		BigDecimal baseNum;
		BigDecimal baseDen;
		Basis basis;
		if (f.baseUnits() > 0) {
			baseNum = BigDecimal.valueOf(f.baseRequests());
			baseDen = BigDecimal.valueOf(f.baseUnits());
			basis = Basis.SKU;
		}
		else if (category != null && category.units() > 0) {
			baseNum = BigDecimal.valueOf(category.requests());
			baseDen = BigDecimal.valueOf(category.units());
			basis = Basis.CATEGORY;
		}
		else {
			baseNum = floorRate;
			baseDen = BigDecimal.ONE;
			basis = Basis.FLOOR;
		}
		if (baseNum.compareTo(floorRate.multiply(baseDen)) < 0) {
			baseNum = floorRate;
			baseDen = BigDecimal.ONE;
			basis = Basis.FLOOR;
		}
		boolean above = rateNum.multiply(baseDen).compareTo(factor.multiply(baseNum).multiply(rateDen)) > 0;
		boolean alert = f.dayRequests() >= minRequests && above;
		return Optional.of(new Verdict(alert, rateNum.divide(rateDen, PRECISION).doubleValue(),
				baseNum.divide(baseDen, PRECISION).doubleValue(), basis));
	}

}
