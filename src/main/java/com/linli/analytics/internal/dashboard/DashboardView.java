package com.linli.analytics.internal.dashboard;

import java.util.List;

import com.linli.analytics.internal.metrics.Dimension;
import com.linli.analytics.internal.metrics.Metric;
import com.linli.analytics.internal.metrics.Period;
import com.linli.network.RegionId;

/**
 * One dashboard: the period, the two it is compared with, the trend's periods (oldest first, {@code period} last)
 * and the metrics grouped by dimension in display order.
 */
public record DashboardView(RegionId region, Period period, Period previous, Period lastYear, List<Period> trend,
		List<Section> sections) {

	/** A dimension's card: its metrics in the sources' order. */
	public record Section(Dimension dimension, List<Line> lines) {
	}

	/**
	 * One metric: values ({@code null} = absent, shown "—"), changes as ratios of the earlier value ({@code null}
	 * when either side is absent or the earlier is 0), and the trend's values in the order of
	 * {@link DashboardView#trend()}.
	 */
	public record Line(Metric metric, Double value, Double previous, Double change, Double lastYear,
			Double changeLastYear, List<Double> trend) {

		/** Whether the change reads as good news: up for a metric where higher is better, down otherwise. */
		public Boolean good(Double change) {
			if (change == null || change == 0.0) {
				return null;
			}
			return (change > 0) == metric.higherIsBetter();
		}
	}

	/** Every line, in display order. */
	public List<Line> lines() {
		return sections.stream().flatMap(s -> s.lines().stream()).toList();
	}
}
