package com.linli.inventory.internal.replenish;

import com.linli.inventory.internal.forecast.Prediction;

/**
 * The demand of several days together (a cover period), from the daily forecasts. The mean is the sum of
 * the daily means. Each quantile q ∈ {0.5, 0.8, 0.95} is the summed mean plus a spread combined from the
 * daily spreads {@code s_d(q) = quantile_d(q) − mean_d} as if the days were independent: spread =
 * sign(Σ s_d) × √(Σ s_d²), which is the square-root-of-days rule {@code s × √n} when every day has the
 * same spread, and gives one day's own quantiles back for one day. Quantiles in between, and beyond 0.95,
 * are interpolated (extrapolated) linearly in the normal score z = Φ⁻¹(q) through the three knots (z 0,
 * 0.8416, 1.6449): exact when demand is normal, never negative.
 * <p>
 * Days past the forecast's horizon repeat its last week (or its last day when it covers less than a week).
 */
public record CoverDemand(int days, double mean, double q50, double q80, double q95) {

	static final double Z80 = 0.8416212335729143;

	static final double Z95 = 1.6448536269514722;

	/** The demand of days {@code from} (inclusive, 0 = the forecast's first day) to {@code to} (exclusive). */
	public static CoverDemand over(Prediction forecast, int from, int to) {
		if (from < 0 || to < from) {
			throw new IllegalArgumentException("days " + from + ".." + to);
		}
		double mean = 0;
		double[] sum = new double[3];
		double[] squares = new double[3];
		for (int t = from; t < to; t++) {
			int d = day(forecast.horizon(), t);
			double m = forecast.mean()[d];
			mean += m;
			double[] s = { forecast.p50()[d] - m, forecast.p80()[d] - m, forecast.p95()[d] - m };
			for (int k = 0; k < 3; k++) {
				sum[k] += s[k];
				squares[k] += s[k] * s[k];
			}
		}
		double q50 = Math.max(0, mean + Math.signum(sum[0]) * Math.sqrt(squares[0]));
		double q80 = Math.max(q50, mean + Math.signum(sum[1]) * Math.sqrt(squares[1]));
		double q95 = Math.max(q80, mean + Math.signum(sum[2]) * Math.sqrt(squares[2]));
		return new CoverDemand(to - from, mean, q50, q80, q95);
	}

	/** The forecast's day that stands for day {@code t}: itself, or the same weekday of its last week. */
	static int day(int horizon, int t) {
		if (horizon == 0) {
			throw new IllegalArgumentException("an empty forecast");
		}
		if (t < horizon) {
			return t;
		}
		int week = Math.min(7, horizon);
		return horizon - week + (t - horizon) % week;
	}

	/** The quantile {@code q} (0 &lt; q &lt; 1) of the days' demand, linear in the normal score between knots. */
	public double quantile(double q) {
		if (q == 0.5 || q == 0.8 || q == 0.95) {
			return q == 0.5 ? q50 : q == 0.8 ? q80 : q95; // the knots themselves, not Φ⁻¹'s approximation of them
		}
		double z = Normal.quantile(q);
		if (z <= Z80) {
			return Math.max(0, q50 + z * (q80 - q50) / Z80);
		}
		return Math.max(0, q80 + (z - Z80) * (q95 - q80) / (Z95 - Z80));
	}

	/** The standard deviation the 0.5–0.95 spread stands for ((q95 − q50) / 1.6449), as a normal's. */
	public double sigma() {
		return (q95 - q50) / Z95;
	}

	/**
	 * The expected units left over when {@code stock} meets this demand, E[(stock − D)+], normal
	 * around the mean with {@link #sigma()}; for no spread, the plain difference.
	 */
	public double expectedLeftover(double stock) {
		double sigma = sigma();
		if (sigma < 1e-9) {
			return Math.max(0, stock - mean);
		}
		return sigma * Normal.leftover((stock - mean) / sigma);
	}

	/** The chance the demand stays below {@code units}, normal around the mean with {@link #sigma()}. */
	public double chanceBelow(double units) {
		double sigma = sigma();
		if (sigma < 1e-9) {
			return units > mean ? 1 : 0;
		}
		return Normal.cdf((units - mean) / sigma);
	}
}
