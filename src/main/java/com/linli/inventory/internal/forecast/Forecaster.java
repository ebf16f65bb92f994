package com.linli.inventory.internal.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Linli's daily demand forecaster: a robust level times a weekly seasonal profile, with a yearly
 * seasonal factor, closed days and promotions as features. Pure Java, no state between calls.
 * <p>
 * Method (a multiplicative decomposition forecast, Hyndman &amp; Athanasopoulos, <i>Forecasting:
 * Principles and Practice</i>, 3rd ed., OTexts 2021, sections 3.4 and 5.7 "forecasting with
 * decomposition"; the level is estimated by a median because WAPE, an absolute-error score, is
 * minimised by the median of the predictive distribution: T. Gneiting, "Making and evaluating point
 * forecasts", JASA 106 (2011) 746-762):
 * <ol>
 * <li>weekday profile {@code w[d]}: the group's (all series of one store or region) median units per
 * open day of weekday {@code d} (a median, so a day with a few promotions does not tilt it) over the last {@value #PROFILE_DAYS} days, divided by
 * the mean of those over the open weekdays; pooled because single series are too lumpy to give a profile;</li>
 * <li>level of a series: the median of {@code units[t] / w[weekday(t)]} over its last
 * {@value #LEVEL_DAYS} open, non-promoted days (closed days and holidays carry no information about
 * demand and are skipped, not counted as zeros; a series promoted on almost every day takes its
 * promoted days as the usual ones);</li>
 * <li>yearly season (only with more than a year of history): the group's change, one year earlier,
 * from the level window to the forecast week, {@code s = mean(units over the same days a year
 * back) / mean(units over the level window a year back)}, bounded to [1/2, 2];</li>
 * <li>promotion lift: over the last {@value #PROMO_DAYS} days the group's promoted days sold
 * {@code lift} times their series' levels (pooled, bounded to [1, 3]); with no promoted day in
 * the history the lift is 1;</li>
 * <li>forecast for day {@code h}: 0 when the calendar says closed, else
 * {@code level * w[d] * s * (promoted ? lift : 1)}.</li>
 * </ol>
 * Beside the median forecast (the point forecast, scored by WAPE) the result carries the expected
 * demand, the same with the window's mean as level: for lumpy SKUs the median is often 0, which is the
 * best guess of a day's units but no cap to sell under; caps and purchases use the higher of the two.
 * The two window lengths are the only parameters; they were chosen on the retail data set's folds
 * preceding the reported ones (see the README, Benchmarks) and are round numbers: four and eight weeks.
 */
public final class Forecaster {

	/** Open days whose median gives the level: about five to six weeks. */
	public static final int LEVEL_DAYS = 28;

	/** Days (calendar) over which the weekday profile is pooled: eight weeks. */
	public static final int PROFILE_DAYS = 56;

	/** Days (calendar) over which promotion lifts are measured. */
	public static final int PROMO_DAYS = 182;

	static final int YEAR = 364;

	/** The forecast of a group, with what it was made of (for display and tests). */
	public record Result(List<double[]> forecasts, List<double[]> expected, double[] weekdayProfile, double season,
			double promotionLift, double[] levels, double[] meanLevels) {
	}

	/**
	 * Forecasts the next {@code horizon} days (days {@code n .. n+horizon-1}, n the length of the
	 * series) for every series of a group that share a calendar; every series has the same length.
	 */
	public Result forecast(List<DemandSeries> group, ForecastCalendar calendar, int horizon) {
		if (horizon < 1) {
			throw new IllegalArgumentException("horizon must be at least 1");
		}
		int n = group.isEmpty() ? 0 : group.get(0).days();
		for (DemandSeries s : group) {
			if (s.days() != n) {
				throw new IllegalArgumentException("every series of a group must cover the same days");
			}
		}
		double[] profile = weekdayProfile(group, calendar, n);
		double[] levels = new double[group.size()];
		double[] meanLevels = new double[group.size()];
		for (int i = 0; i < group.size(); i++) {
			double[] window = levelWindow(group.get(i), calendar, profile, n);
			levels[i] = median(window, window.length);
			meanLevels[i] = mean(window);
		}
		double season = season(group, calendar, n, horizon);
		double lift = promotionLift(group, calendar, profile, levels, n);
		List<double[]> forecasts = new ArrayList<>(group.size());
		List<double[]> expected = new ArrayList<>(group.size());
		for (int i = 0; i < group.size(); i++) {
			double[] f = new double[horizon];
			double[] e = new double[horizon];
			for (int h = 0; h < horizon; h++) {
				int t = n + h;
				if (!calendar.closed(t)) {
					double factor = profile[weekday(calendar, t)] * season * (group.get(i).promotedAhead(h) ? lift : 1);
					f[h] = levels[i] * factor;
					e[h] = meanLevels[i] * factor;
				}
			}
			forecasts.add(f);
			expected.add(e);
		}
		return new Result(forecasts, expected, profile, season, lift, levels, meanLevels);
	}

	/** Seasonal-naive: the same weekday one week before (0 where there is no such day). */
	public static double[] seasonalNaive(DemandSeries s, int horizon) {
		double[] f = new double[horizon];
		int n = s.days();
		for (int h = 0; h < horizon; h++) {
			int t = n + h - 7 * (1 + h / 7);
			f[h] = t >= 0 ? s.units()[t] : 0;
		}
		return f;
	}

	/** The mean of the last {@code days} calendar days (fewer when the series is shorter), every day ahead. */
	public static double[] movingAverage(DemandSeries s, int days, int horizon) {
		int n = s.days();
		int from = Math.max(0, n - days);
		double sum = 0;
		for (int t = from; t < n; t++) {
			sum += s.units()[t];
		}
		double[] f = new double[horizon];
		Arrays.fill(f, n == from ? 0 : sum / (n - from));
		return f;
	}

	static int weekday(ForecastCalendar calendar, int t) {
		return calendar.date(t).getDayOfWeek().getValue() - 1;
	}

	double[] weekdayProfile(List<DemandSeries> group, ForecastCalendar calendar, int n) {
		double[][] totals = new double[7][PROFILE_DAYS / 7 + 1];
		int[] count = new int[7];
		for (int t = Math.max(0, n - PROFILE_DAYS); t < n; t++) {
			if (calendar.closed(t)) {
				continue;
			}
			double total = 0;
			for (DemandSeries s : group) {
				total += s.units()[t];
			}
			int d = weekday(calendar, t);
			totals[d][count[d]++] = total;
		}
		double[] mean = new double[7];
		double all = 0;
		int weekdays = 0;
		for (int d = 0; d < 7; d++) {
			if (count[d] > 0) {
				mean[d] = median(totals[d], count[d]);
				all += mean[d];
				weekdays++;
			}
		}
		double[] profile = new double[7];
		Arrays.fill(profile, 1);
		if (all <= 0) {
			return profile;
		}
		for (int d = 0; d < 7; d++) {
			// a weekday seen fewer than twice (or never) keeps the neutral factor
			if (count[d] >= 2 && mean[d] > 0) {
				profile[d] = mean[d] / (all / weekdays);
			}
		}
		return profile;
	}

	/** The weekday-adjusted units of the level window. */
	double[] levelWindow(DemandSeries s, ForecastCalendar calendar, double[] profile, int n) {
		double[] values = new double[LEVEL_DAYS];
		int k = 0;
		for (int t = n - 1; t >= 0 && k < LEVEL_DAYS; t--) {
			if (calendar.closed(t) || s.promoted()[t]) {
				continue;
			}
			values[k++] = s.units()[t] / profile[weekday(calendar, t)];
		}
		if (k < 7) {
			// (nearly) always promoted: the promoted days are the usual ones
			k = 0;
			for (int t = n - 1; t >= 0 && k < LEVEL_DAYS; t--) {
				if (!calendar.closed(t)) {
					values[k++] = s.units()[t] / profile[weekday(calendar, t)];
				}
			}
		}
		return Arrays.copyOf(values, k);
	}

	double season(List<DemandSeries> group, ForecastCalendar calendar, int n, int horizon) {
		int windowStart = n - YEAR - 7 * (LEVEL_DAYS / 5 + 1);
		if (windowStart < 0) {
			return 1;
		}
		double before = openMean(group, calendar, windowStart, n - YEAR);
		double ahead = openMean(group, calendar, n - YEAR, n - YEAR + horizon);
		if (before <= 0 || Double.isNaN(ahead)) {
			return 1;
		}
		return Math.max(0.5, Math.min(2, ahead / before));
	}

	private static double openMean(List<DemandSeries> group, ForecastCalendar calendar, int from, int to) {
		double sum = 0;
		int days = 0;
		for (int t = from; t < to; t++) {
			if (calendar.closed(t)) {
				continue;
			}
			for (DemandSeries s : group) {
				sum += s.units()[t];
			}
			days++;
		}
		return days == 0 ? Double.NaN : sum / days;
	}

	double promotionLift(List<DemandSeries> group, ForecastCalendar calendar, double[] profile, double[] levels, int n) {
		double sold = 0;
		double expected = 0;
		for (int i = 0; i < group.size(); i++) {
			DemandSeries s = group.get(i);
			for (int t = Math.max(0, n - PROMO_DAYS); t < n; t++) {
				if (s.promoted()[t] && !calendar.closed(t)) {
					sold += s.units()[t];
					expected += levels[i] * profile[weekday(calendar, t)];
				}
			}
		}
		if (expected <= 0) {
			return 1;
		}
		return Math.max(1, Math.min(3, sold / expected));
	}

	static double mean(double[] values) {
		double sum = 0;
		for (double v : values) {
			sum += v;
		}
		return values.length == 0 ? 0 : sum / values.length;
	}

	static double median(double[] values, int count) {
		if (count == 0) {
			return 0;
		}
		double[] v = Arrays.copyOf(values, count);
		Arrays.sort(v);
		return count % 2 == 1 ? v[count / 2] : (v[count / 2 - 1] + v[count / 2]) / 2;
	}
}
