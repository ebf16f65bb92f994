package com.linli.analytics.internal.metrics;

import java.util.Objects;

/**
 * One dashboard metric. {@code key} is stable and unique across sources (e.g. {@code sales.gmv}); its label is
 * the message {@code analytics.metric.<key>} and its explanation {@code analytics.metric.<key>.help}.
 * {@code higherIsBetter} colours a change (a refund rate that rises is bad).
 */
public record Metric(String key, Dimension dimension, MetricUnit unit, boolean higherIsBetter) {

	public Metric {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(dimension, "dimension");
		Objects.requireNonNull(unit, "unit");
	}

	public String labelKey() {
		return "analytics.metric." + key;
	}
}
