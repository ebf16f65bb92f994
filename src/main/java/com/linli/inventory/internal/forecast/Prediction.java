package com.linli.inventory.internal.forecast;

import java.util.Objects;

/**
 * A forecast of one series for the next {@code horizon} days: the expected units (the mean: what sums
 * to weekly totals and purchases), the 0.5, 0.8 and 0.95 quantiles of each day's units (the median is
 * the point forecast WAPE scores; the upper quantiles are the band on the page, the newsvendor's and the
 * stock-out warning's input), and the name of the method that made it (chosen per series on validation
 * folds). Every array has one value per day ahead, none negative, {@code p50 <= p80 <= p95}.
 */
public record Prediction(double[] mean, double[] p50, double[] p80, double[] p95, String method) {

	public Prediction {
		Objects.requireNonNull(method, "method");
		int h = mean.length;
		if (p50.length != h || p80.length != h || p95.length != h) {
			throw new IllegalArgumentException("every array of a prediction covers the same days");
		}
		for (int d = 0; d < h; d++) {
			if (!(mean[d] >= 0 && p50[d] >= 0 && p80[d] >= p50[d] - 1e-9 && p95[d] >= p80[d] - 1e-9)
					|| Double.isInfinite(mean[d]) || Double.isInfinite(p95[d])) {
				throw new IllegalArgumentException("day " + d + ": quantiles must be finite, not negative and ordered");
			}
		}
	}

	public int horizon() {
		return mean.length;
	}

	/** The quantile {@code q} of day {@code d} for q in {0.5, 0.8, 0.95}, linear between them, above 0.95 p95. */
	public double quantile(int d, double q) {
		if (q <= 0.5) {
			return p50[d];
		}
		if (q <= 0.8) {
			return p50[d] + (p80[d] - p50[d]) * (q - 0.5) / 0.3;
		}
		if (q <= 0.95) {
			return p80[d] + (p95[d] - p80[d]) * (q - 0.8) / 0.15;
		}
		return p95[d];
	}
}
