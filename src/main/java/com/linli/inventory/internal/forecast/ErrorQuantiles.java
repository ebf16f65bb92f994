package com.linli.inventory.internal.forecast;

import java.util.Arrays;

/**
 * Quantiles of a day's units from the empirical distribution of past errors (validation folds before
 * the origin): the pairs (mean forecast, actual) are pooled by demand size, the buckets of the mean
 * {@code 0}, {@code (0, 0.5)}, {@code [0.5, 2)}, {@code [2, 8)}, {@code [8, 32)}, {@code [32, ∞)}; inside a
 * positive bucket the quantiles of the ratio {@code actual / mean} scale the new mean, in the zero
 * bucket the quantiles of the actual units are taken as they are. A bucket with fewer than
 * {@value #MIN_POINTS} pairs borrows the ratios of all positive buckets together. The empirical
 * quantile at level q of n sorted values is the value at rank {@code ceil(q·n)} (the smallest value
 * with at least a share q of the values at or below it).
 */
public final class ErrorQuantiles {

	static final double[] EDGES = { 0.5, 2, 8, 32 };

	static final int MIN_POINTS = 30;

	static final double[] LEVELS = { 0.5, 0.8, 0.95 };

	private final double[][] values = new double[EDGES.length + 2][16];

	private final int[] counts = new int[EDGES.length + 2];

	/** One validation day: the mean forecast and what sold. */
	public void add(double mean, double actual) {
		int b = bucket(mean);
		double v = mean > 0 ? actual / mean : actual;
		if (counts[b] == values[b].length) {
			values[b] = Arrays.copyOf(values[b], values[b].length * 2);
		}
		values[b][counts[b]++] = v;
	}

	/** The quantiles (by {@link #LEVELS}) of each bucket, ready to use. */
	public Table table() {
		double[][] q = new double[counts.length][];
		int positive = 0;
		for (int b = 1; b < counts.length; b++) {
			positive += counts[b];
		}
		double[] pooled = new double[positive];
		int k = 0;
		for (int b = 1; b < counts.length; b++) {
			System.arraycopy(values[b], 0, pooled, k, counts[b]);
			k += counts[b];
		}
		double[] pooledQ = positive == 0 ? new double[] { 1, 1, 1 } : quantiles(pooled, positive);
		q[0] = counts[0] >= MIN_POINTS ? quantiles(values[0], counts[0]) : new double[] { 0, 0, 0 };
		for (int b = 1; b < counts.length; b++) {
			q[b] = counts[b] >= MIN_POINTS ? quantiles(values[b], counts[b]) : pooledQ;
		}
		return new Table(q);
	}

	/** The quantiles of a bucket: for every mean, {p50, p80, p95} in units. */
	public record Table(double[][] byBucket) {

		public double[] at(double mean) {
			double[] q = byBucket[bucket(mean)];
			if (mean <= 0) {
				return q.clone();
			}
			return new double[] { mean * q[0], mean * q[1], mean * q[2] };
		}
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
