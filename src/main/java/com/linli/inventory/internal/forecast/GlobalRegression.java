package com.linli.inventory.internal.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * A global model in pure Java: one pooled regression per day ahead over every series of the group
 * (the lighter stand-in for a gradient-boosted global model, see the README). Direct multi-horizon:
 * for day {@code h} ahead of an origin the features are known at the origin,
 * <ul>
 * <li>the strong baseline's forecast ({@link SesWeekday} with the given α and k);</li>
 * <li>the units of the same weekday one, two, three and four weeks before (lags 7, 14, 21, 28);</li>
 * <li>the means of the last 7 and 14 days, and the 28-day mean times the series' weekday index;</li>
 * <li>the series' scale (its 28-day mean) as intercept, the scale when the day ahead is promoted, and
 * the scale when the day before it is closed (catch-up after a closure);</li>
 * </ul>
 * all divided by the scale, as is the target: the model learns shapes, not sizes, so big and small
 * series pool. It is fitted by weighted ridge least squares (weight = scale, so the loss in units is
 * {@code Σ (actual − forecast)² / scale}, Poisson-like) on the {@value #TRAIN_ORIGINS} origins one
 * horizon apart before the forecast origin, every series and open target day; a forecast below 0 is 0,
 * a closed day 0, a series that sold nothing in 28 days falls back to the baseline's forecast.
 */
public final class GlobalRegression implements DemandModel {

	static final int TRAIN_ORIGINS = 8;

	static final int FEATURES = 11;

	static final double RIDGE = 1e-3;

	private final double alpha;

	private final double shrink;

	public GlobalRegression(double alpha, double shrink) {
		this.alpha = alpha;
		this.shrink = shrink;
	}

	@Override
	public List<Prediction> predict(List<DemandSeries> group, ForecastCalendar calendar, int horizon) {
		int n = SesWeekday.days(group);
		double[][] beta = fit(group, calendar, n, horizon);
		double[] pooled = SesWeekday.pooledIndex(group, calendar, n);
		List<Prediction> predictions = new ArrayList<>(group.size());
		for (DemandSeries s : group) {
			double[] index = SesWeekday.shrunkIndex(s.units(), pooled, calendar, n, shrink);
			double[] ses = SesWeekday.forecast(s.units(), calendar, n, index, alpha, horizon);
			double[] f = new double[horizon];
			for (int h = 0; h < horizon; h++) {
				if (calendar.closed(n + h)) {
					continue;
				}
				double[] x = features(s, calendar, n, h, index, ses[h], s.promotedAhead(h));
				if (x == null || beta[h] == null) {
					f[h] = ses[h];
					continue;
				}
				double y = 0;
				for (int j = 0; j < FEATURES; j++) {
					y += beta[h][j] * x[j];
				}
				f[h] = Math.max(0, y * scale(s.units(), n));
			}
			predictions.add(new Prediction(f, f, f, f, "global"));
		}
		return predictions;
	}

	/** The coefficients per day ahead, from the origins before {@code n}; null where nothing to learn from. */
	double[][] fit(List<DemandSeries> group, ForecastCalendar calendar, int n, int horizon) {
		double[][][] xtx = new double[horizon][FEATURES][FEATURES];
		double[][] xty = new double[horizon][FEATURES];
		int[] rows = new int[horizon];
		for (int j = 1; j <= TRAIN_ORIGINS; j++) {
			int origin = n - j * horizon;
			if (origin < ValidationFolds.MIN_HISTORY) {
				break;
			}
			ForecastCalendar past = calendar.upTo(origin);
			double[] pooled = SesWeekday.pooledIndex(group, past, origin);
			for (DemandSeries s : group) {
				double scale = scale(s.units(), origin);
				if (scale <= 0) {
					continue;
				}
				double[] index = SesWeekday.shrunkIndex(s.units(), pooled, past, origin, shrink);
				double[] ses = SesWeekday.forecast(s.units(), past, origin, index, alpha, horizon);
				for (int h = 0; h < horizon; h++) {
					if (calendar.closed(origin + h)) {
						continue;
					}
					double[] x = features(s, past, origin, h, index, ses[h], s.promoted()[origin + h]);
					double y = s.units()[origin + h] / scale;
					for (int a = 0; a < FEATURES; a++) {
						xty[h][a] += scale * x[a] * y;
						for (int b = 0; b < FEATURES; b++) {
							xtx[h][a][b] += scale * x[a] * x[b];
						}
					}
					rows[h]++;
				}
			}
		}
		double[][] beta = new double[horizon][];
		for (int h = 0; h < horizon; h++) {
			if (rows[h] >= 2 * FEATURES) {
				double trace = 0;
				for (int a = 0; a < FEATURES; a++) {
					trace += xtx[h][a][a];
				}
				for (int a = 0; a < FEATURES; a++) {
					xtx[h][a][a] += RIDGE * trace / FEATURES;
				}
				beta[h] = solve(xtx[h], xty[h]);
			}
		}
		return beta;
	}

	/** The scaled features of day {@code h} after {@code origin}; null when the series sold nothing in 28 days. */
	static double[] features(DemandSeries s, ForecastCalendar calendar, int origin, int h, double[] index, double ses,
			boolean promoted) {
		double scale = scale(s.units(), origin);
		if (scale <= 0) {
			return null;
		}
		double[] u = s.units();
		int t = origin + h;
		double[] x = new double[FEATURES];
		x[0] = ses / scale;
		int same = t - 7 * (1 + h / 7);
		for (int k = 0; k < 4; k++) {
			int lag = same - 7 * k;
			x[1 + k] = lag >= 0 ? u[lag] / scale : 1;
		}
		x[5] = mean(u, origin, 7) / scale;
		x[6] = mean(u, origin, 14) / scale;
		// the 28-day mean times the weekday index, over the scale (the 28-day mean itself)
		x[7] = index[SesWeekday.weekday(calendar, t)];
		x[8] = 1;
		x[9] = promoted ? 1 : 0;
		x[10] = calendar.closed(t - 1) ? 1 : 0;
		return x;
	}

	/** The series' scale: its mean over the last 28 days before {@code origin}. */
	static double scale(double[] units, int origin) {
		return mean(units, origin, 28);
	}

	static double mean(double[] units, int origin, int days) {
		int from = Math.max(0, origin - days);
		double sum = 0;
		for (int t = from; t < origin; t++) {
			sum += units[t];
		}
		return origin == from ? 0 : sum / (origin - from);
	}

	/** Solves {@code a·x = b} by Gaussian elimination with partial pivoting (a is small and positive definite). */
	static double[] solve(double[][] a, double[] b) {
		int n = b.length;
		double[][] m = new double[n][n + 1];
		for (int i = 0; i < n; i++) {
			System.arraycopy(a[i], 0, m[i], 0, n);
			m[i][n] = b[i];
		}
		for (int c = 0; c < n; c++) {
			int pivot = c;
			for (int r = c + 1; r < n; r++) {
				if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
					pivot = r;
				}
			}
			double[] swap = m[c];
			m[c] = m[pivot];
			m[pivot] = swap;
			if (Math.abs(m[c][c]) < 1e-12) {
				return null;
			}
			for (int r = 0; r < n; r++) {
				if (r != c) {
					double factor = m[r][c] / m[c][c];
					for (int k = c; k <= n; k++) {
						m[r][k] -= factor * m[c][k];
					}
				}
			}
		}
		double[] x = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = m[i][n] / m[i][i];
		}
		return x;
	}
}
