package com.linli.analytics.internal.alerts;

/**
 * When a rule fires: the value below or above the threshold; or the value fallen or risen by at least the threshold
 * percent against the previous period (no change rule fires when the previous period's value is zero or missing).
 */
public enum AlertCondition {

	BELOW, ABOVE, FALLS_BY, RISES_BY;

	public boolean isChange() {
		return this == FALLS_BY || this == RISES_BY;
	}

	public boolean fires(double value, Double previous, double threshold) {
		return switch (this) {
			case BELOW -> value < threshold;
			case ABOVE -> value > threshold;
			case FALLS_BY -> previous != null && previous > 0 && (previous - value) * 100 / previous >= threshold;
			case RISES_BY -> previous != null && previous > 0 && (value - previous) * 100 / previous >= threshold;
		};
	}
}
