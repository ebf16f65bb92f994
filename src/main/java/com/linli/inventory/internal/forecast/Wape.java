package com.linli.inventory.internal.forecast;

/**
 * Weighted absolute percentage error, {@code WAPE = Σ|actual − forecast| / Σ actual} (DESIGN.md
 * section 6), summed over every series, day and fold it is fed. Accuracy is {@code 1 − WAPE}.
 */
public final class Wape {

	private double absoluteError;

	private double actual;

	public void add(double actualUnits, double forecastUnits) {
		absoluteError += Math.abs(actualUnits - forecastUnits);
		actual += actualUnits;
	}

	public void add(double[] actualUnits, double[] forecastUnits) {
		for (int i = 0; i < actualUnits.length; i++) {
			add(actualUnits[i], forecastUnits[i]);
		}
	}

	public double absoluteError() {
		return absoluteError;
	}

	public double actual() {
		return actual;
	}

	/** NaN when nothing was sold: WAPE is undefined then. */
	public double value() {
		return actual == 0 ? Double.NaN : absoluteError / actual;
	}
}
