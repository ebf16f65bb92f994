package com.linli.inventory.internal.forecast;

import java.util.Arrays;

/**
 * Quantiles of a day's units from the empirical distribution of past errors (validation folds before
 * the origin). The pairs (mean forecast, actual) are pooled by demand size, the buckets of the mean
 * {@code 0}, {@code (0, 0.5)}, {@code [0.5, 2)}, {@code [2, 8)}, {@code [8, 32)}, {@code [32, ∞)}, and
 * optionally by how regularly the series sells ({@link #KINDS} kinds, see {@link #kind}). Inside a
 * positive bucket the quantiles of the ratio {@code actual / mean} scale the new mean; in the zero
 * bucket the quantiles of the actual units are taken as they are. A cell with fewer than
 * {@value #MIN_POINTS} pairs takes its size bucket over all kinds, then all positive buckets together.
 * The empirical quantile at level q of n sorted values is the value at rank {@code ceil(q·n)} (the
 * smallest value with at least a share q of the values at or below it).
 */
public final class ErrorQuantiles {

	static final double[] EDGES = { 0.5, 2, 8, 32 };

	static final int SIZES = EDGES.length + 2;

	/** Rarely (sold on under a third of the last 28 open days), often, almost always (over two thirds). */
	public static final int KINDS = 3;

	static final int MIN_POINTS = 30;

	static final double[] LEVELS = { 0.5, 0.8, 0.95 };

	private final double[][] values = new double[SIZES * KINDS][16];

	private final int[] counts = new int[SIZES * KINDS];

	/** One validation day: the mean forecast and what sold. */
	public void add(double mean, double actual) {
		add(mean, actual, 0);
	}

	/** One validation day of a series of the given kind. */
	public void add(double mean, double actual, int kind) {
		int b = bucket(mean) * KINDS + kind;
		double v = mean > 0 ? actual / mean : actual;
		if (counts[b] == values[b].length) {
			values[b] = Arrays.copyOf(values[b], values[b].length * 2);
		}
		values[b][counts[b]++] = v;
	}

	/** The quantiles (by {@link #LEVELS}) of each cell, ready to use. */
	public Table table() {
		double[][] q = new double[SIZES * KINDS][];
		double[] pooledQ = quantilesOf(1, SIZES, 0, KINDS, new double[] { 1, 1, 1 });
		for (int b = 0; b < SIZES; b++) {
			double[] fallback = b == 0 ? new double[] { 0, 0, 0 } : pooledQ;
			double[] size = quantilesOf(b, b + 1, 0, KINDS, fallback);
			for (int k = 0; k < KINDS; k++) {
				q[b * KINDS + k] = quantilesOf(b, b + 1, k, k + 1, size);
			}
		}
		return new Table(q);
	}

	private double[] quantilesOf(int fromBucket, int toBucket, int fromKind, int toKind, double[] fallback) {
		int total = 0;
		for (int b = fromBucket; b < toBucket; b++) {
			for (int k = fromKind; k < toKind; k++) {
				total += counts[b * KINDS + k];
			}
		}
		if (total < MIN_POINTS) {
			return fallback;
		}
		double[] all = new double[total];
		int at = 0;
		for (int b = fromBucket; b < toBucket; b++) {
			for (int k = fromKind; k < toKind; k++) {
				System.arraycopy(values[b * KINDS + k], 0, all, at, counts[b * KINDS + k]);
				at += counts[b * KINDS + k];
			}
		}
		return quantiles(all, total);
	}

	/** The quantiles of every cell: for a mean (and kind), {p50, p80, p95} in units. */
	public record Table(double[][] byCell) {

		public double[] at(double mean) {
			return at(mean, 0);
		}

		public double[] at(double mean, int kind) {
			double[] q = byCell[bucket(mean) * KINDS + kind];
			if (mean <= 0) {
				return q.clone();
			}
			return new double[] { mean * q[0], mean * q[1], mean * q[2] };
		}
	}

	/**
	 * How regularly a series sold before day {@code n}: over its last 28 open days, the share with a sale
	 * under 1/3 is kind 0, up to 2/3 kind 1, above kind 2.
	 */
	public static int kind(double[] units, ForecastCalendar calendar, int n) {
		int open = 0;
		int sold = 0;
		for (int t = n - 1; t >= 0 && open < 28; t--) {
			if (!calendar.closed(t)) {
				open++;
				sold += units[t] > 0 ? 1 : 0;
			}
		}
		if (open == 0 || 3 * sold < open) {
			return 0;
		}
		return 3 * sold <= 2 * open ? 1 : 2;
	}

	static int bucket(double mean) {
		if (mean <= 0) {
			return 0;
		}
		int b = 1;
		while (b - 1 < EDGES.length && mean >= EDGES[b - 1]) {
			b++;
		}
		return b;
	}

	/** The empirical quantiles at {@link #LEVELS} of the first {@code n} values. */
	static double[] quantiles(double[] values, int n) {
		double[] v = Arrays.copyOf(values, n);
		Arrays.sort(v);
		double[] q = new double[LEVELS.length];
		for (int i = 0; i < LEVELS.length; i++) {
			q[i] = v[Math.max(0, (int) Math.ceil(LEVELS[i] * n - 1e-9) - 1)];
		}
		return q;
	}
}
