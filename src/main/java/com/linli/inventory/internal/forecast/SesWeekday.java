package com.linli.inventory.internal.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * The strong simple baseline: simple exponential smoothing of a series' weekday-adjusted level times a
 * shrunk weekday index (Hyndman &amp; Athanasopoulos, FPP3 sections 8.1 and 3.4), closed days skipped.
 * <ol>
 * <li>weekday index: over the last {@value #INDEX_DAYS} calendar days, the mean units of each weekday's
 * open days divided by the mean of those means over the weekdays seen; the series' own index is shrunk
 * toward the group's pooled index by the units it sold in the window, {@code λ = V / (V + k)},
 * {@code index = λ·own + (1 − λ)·pooled} (k = shrinkage; a series that sold nothing takes the pooled
 * index);</li>
 * <li>level: from the series' first sale, {@code x_t = units_t / index[weekday t]} over the open days;
 * the level starts at the mean of the first (up to) 7 such values and is updated by every one of them,
 * {@code ℓ ← ℓ + α·(x_t − ℓ)};</li>
 * <li>forecast: {@code ℓ · index[weekday]} on open days, 0 on closed ones (its mean and median).</li>
 * </ol>
 * {@link #tuned()} chooses α and k per group from the grids by the absolute error on the
 * {@link ValidationFolds} before the origin, never on the days it forecasts.
 */
public final class SesWeekday implements DemandModel {

	static final int INDEX_DAYS = 56;

	static final double[] ALPHAS = { 0.02, 0.05, 0.1, 0.2, 0.3, 0.5 };

	static final double[] SHRINKS = { 0, 20, 100, 500, Double.POSITIVE_INFINITY };

	static final double DEFAULT_ALPHA = 0.1;

	static final double DEFAULT_SHRINK = 100;

	private final double alpha;

	private final double shrink;

	public SesWeekday(double alpha, double shrink) {
		if (!(alpha > 0 && alpha <= 1) || !(shrink >= 0)) {
			throw new IllegalArgumentException("alpha must be in (0, 1] and shrink not negative");
		}
		this.alpha = alpha;
		this.shrink = shrink;
	}

	public double alpha() {
		return alpha;
	}

	public double shrink() {
		return shrink;
	}

	/** Tunes α and k on the validation folds before the origin, then forecasts with them. */
	public static DemandModel tuned() {
		return (group, calendar, horizon) -> choose(group, calendar, horizon).predict(group, calendar, horizon);
	}

	@Override
	public List<Prediction> predict(List<DemandSeries> group, ForecastCalendar calendar, int horizon) {
		int n = days(group);
		double[] pooled = pooledIndex(group, calendar, n);
		List<Prediction> predictions = new ArrayList<>(group.size());
		for (DemandSeries s : group) {
			double[] f = forecast(s.units(), calendar, n, shrunkIndex(s.units(), pooled, calendar, n, shrink), alpha,
					horizon);
			predictions.add(new Prediction(f, f, f, f, "ses-weekday"));
		}
		return predictions;
	}

	/**
	 * The (α, k) of the grids with the least absolute error over the validation folds before the origin
	 * (the first in grid order on a tie); the defaults when the history is too short for any fold.
	 */
	public static SesWeekday choose(List<DemandSeries> group, ForecastCalendar calendar, int horizon) {
		int n = days(group);
		double[][] error = new double[SHRINKS.length][ALPHAS.length];
		List<Integer> origins = ValidationFolds.origins(n, horizon, ValidationFolds.FOLDS);
		if (origins.isEmpty()) {
			return new SesWeekday(DEFAULT_ALPHA, DEFAULT_SHRINK);
		}
		for (int origin : origins) {
			ForecastCalendar past = calendar.upTo(origin);
			double[] pooled = pooledIndex(group, past, origin);
			for (DemandSeries s : group) {
				for (int k = 0; k < SHRINKS.length; k++) {
					double[] index = shrunkIndex(s.units(), pooled, past, origin, SHRINKS[k]);
					for (int a = 0; a < ALPHAS.length; a++) {
						double[] f = forecast(s.units(), past, origin, index, ALPHAS[a], horizon);
						for (int d = 0; d < horizon; d++) {
							if (!calendar.closed(origin + d)) {
								error[k][a] += Math.abs(s.units()[origin + d] - f[d]);
							}
						}
					}
				}
			}
		}
		int bestK = 0;
		int bestA = 0;
		for (int k = 0; k < SHRINKS.length; k++) {
			for (int a = 0; a < ALPHAS.length; a++) {
				if (error[k][a] < error[bestK][bestA] - 1e-9) {
					bestK = k;
					bestA = a;
				}
			}
		}
		return new SesWeekday(ALPHAS[bestA], SHRINKS[bestK]);
	}

	/** The forecast of one series from its first {@code n} days, given its index and α. */
	static double[] forecast(double[] units, ForecastCalendar calendar, int n, double[] index, double alpha, int horizon) {
		double level = level(units, calendar, n, index, alpha);
		double[] f = new double[horizon];
		for (int h = 0; h < horizon; h++) {
			int t = n + h;
			f[h] = calendar.closed(t) ? 0 : level * index[weekday(calendar, t)];
		}
		return f;
	}

	/** The smoothed weekday-adjusted level after the first {@code n} days (0 if nothing ever sold). */
	static double level(double[] units, ForecastCalendar calendar, int n, double[] index, double alpha) {
		int first = 0;
		while (first < n && units[first] <= 0) {
			first++;
		}
		if (first == n) {
			return 0;
		}
		double start = 0;
		int seen = 0;
		for (int t = first; t < n && seen < 7; t++) {
			double i = index[weekday(calendar, t)];
			if (!calendar.closed(t) && i > 1e-9) {
				start += units[t] / i;
				seen++;
			}
		}
		double level = seen == 0 ? 0 : start / seen;
		for (int t = first; t < n; t++) {
			double i = index[weekday(calendar, t)];
			if (!calendar.closed(t) && i > 1e-9) {
				level += alpha * (units[t] / i - level);
			}
		}
		return level;
	}

	/** The group's weekday index: the same rule over the sum of its series. */
	static double[] pooledIndex(List<DemandSeries> group, ForecastCalendar calendar, int n) {
		double[] totals = new double[n];
		for (DemandSeries s : group) {
			for (int t = Math.max(0, n - INDEX_DAYS); t < n; t++) {
				totals[t] += s.units()[t];
			}
		}
		double[] index = ownIndex(totals, calendar, n);
		return index == null ? neutral() : index;
	}

	/** The series' index shrunk toward the pooled one by the units it sold in the window. */
	static double[] shrunkIndex(double[] units, double[] pooled, ForecastCalendar calendar, int n, double shrink) {
		double[] own = ownIndex(units, calendar, n);
		if (own == null || Double.isInfinite(shrink)) {
			return pooled;
		}
		double volume = 0;
		for (int t = Math.max(0, n - INDEX_DAYS); t < n; t++) {
			volume += units[t];
		}
		double lambda = volume / (volume + shrink);
		double[] index = new double[7];
		for (int d = 0; d < 7; d++) {
			index[d] = lambda * own[d] + (1 - lambda) * pooled[d];
		}
		return index;
	}

	/**
	 * Mean units per open day of each weekday over the window divided by the mean of those means; a
	 * weekday without an open day in the window is 1; null when nothing sold in the window.
	 */
	static double[] ownIndex(double[] units, ForecastCalendar calendar, int n) {
		double[] sum = new double[7];
		int[] count = new int[7];
		for (int t = Math.max(0, n - INDEX_DAYS); t < n; t++) {
			if (!calendar.closed(t)) {
				int d = weekday(calendar, t);
				sum[d] += units[t];
				count[d]++;
			}
		}
		double all = 0;
		int weekdays = 0;
		for (int d = 0; d < 7; d++) {
			if (count[d] > 0) {
				all += sum[d] / count[d];
				weekdays++;
			}
		}
		if (all <= 0) {
			return null;
		}
		double[] index = neutral();
		for (int d = 0; d < 7; d++) {
			if (count[d] > 0) {
				index[d] = (sum[d] / count[d]) / (all / weekdays);
			}
		}
		return index;
	}

	private static double[] neutral() {
		return new double[] { 1, 1, 1, 1, 1, 1, 1 };
	}

	/** Monday 0 .. Sunday 6 of day {@code t}. */
	static int weekday(ForecastCalendar calendar, int t) {
		return (calendar.start().getDayOfWeek().getValue() - 1 + t) % 7;
	}

	static int days(List<DemandSeries> group) {
		return group.isEmpty() ? 0 : group.get(0).days();
	}
}
