package com.linli.inventory.internal.forecast;

/**
 * The scores of one method over every series, day and fold it is fed (all sums in units, divided by
 * the units actually sold):
 * <ul>
 * <li>daily WAPE of the median: {@code Σ|actual − p50| / Σ actual};</li>
 * <li>daily WAPE of the mean, for comparison: {@code Σ|actual − mean| / Σ actual};</li>
 * <li>weekly-total WAPE per series: {@code Σ_series,fold |Σ_week actual − Σ_week mean| / Σ actual};</li>
 * <li>bias of the mean: {@code Σ mean / Σ actual − 1};</li>
 * <li>pinball loss of the 0.8 and 0.95 quantiles, {@code Σ ρ_q(actual − p_q) / Σ actual} with
 * {@code ρ_q(u) = u·(q − [u < 0])};</li>
 * <li>coverage: the share of open series-days (days the group sold anything) whose actual is at or
 * below p80, p95.</li>
 * </ul>
 */
public final class Accuracy {

	private double actual;

	private double medianError;

	private double meanError;

	private double weekError;

	private double forecast;

	private double pinball80;

	private double pinball95;

	private long openDays;

	private long covered80;

	private long covered95;

	/** One series over one fold: the actual units, the prediction, and which days the group was open. */
	public void add(double[] actualUnits, Prediction p, boolean[] open) {
		double weekActual = 0;
		double weekMean = 0;
		for (int d = 0; d < actualUnits.length; d++) {
			double a = actualUnits[d];
			actual += a;
			forecast += p.mean()[d];
			medianError += Math.abs(a - p.p50()[d]);
			meanError += Math.abs(a - p.mean()[d]);
			pinball80 += pinball(a, p.p80()[d], 0.8);
			pinball95 += pinball(a, p.p95()[d], 0.95);
			weekActual += a;
			weekMean += p.mean()[d];
			if (open == null || open[d]) {
				openDays++;
				covered80 += a <= p.p80()[d] + 1e-9 ? 1 : 0;
				covered95 += a <= p.p95()[d] + 1e-9 ? 1 : 0;
			}
		}
		weekError += Math.abs(weekActual - weekMean);
	}

	/** The pinball (quantile) loss of forecasting {@code quantile} for {@code actual} at level {@code q}. */
	public static double pinball(double actual, double quantile, double q) {
		double u = actual - quantile;
		return u >= 0 ? q * u : (q - 1) * u;
	}

	public double actual() {
		return actual;
	}

	public double dailyWape() {
		return ratio(medianError);
	}

	public double dailyWapeOfMean() {
		return ratio(meanError);
	}

	public double weeklyWape() {
		return ratio(weekError);
	}

	public double bias() {
		return actual == 0 ? Double.NaN : forecast / actual - 1;
	}

	public double pinball80() {
		return ratio(pinball80);
	}

	public double pinball95() {
		return ratio(pinball95);
	}

	public double coverage80() {
		return openDays == 0 ? Double.NaN : (double) covered80 / openDays;
	}

	public double coverage95() {
		return openDays == 0 ? Double.NaN : (double) covered95 / openDays;
	}

	private double ratio(double error) {
		return actual == 0 ? Double.NaN : error / actual;
	}
}
