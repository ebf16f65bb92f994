package com.linli.analytics.internal.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.analytics.internal.metrics.Dimension;
import com.linli.analytics.internal.metrics.Metric;
import com.linli.analytics.internal.metrics.Metrics;
import com.linli.analytics.internal.metrics.Period;
import com.linli.network.RegionId;

import org.springframework.stereotype.Service;

/**
 * The operations dashboard of a region in a period: every metric's value with the previous period, the same
 * period last year and a trend of the last {@value #TREND} periods, asked of {@link Metrics} in one call. A metric
 * without a value stays {@code null} (the page shows "—" with its note), never 0. Region scoping is the caller's.
 */
@Service
public class Dashboard {

	/** How many periods the trend line shows, the current one last. */
	public static final int TREND = 12;

	private final Metrics metrics;

	public Dashboard(Metrics metrics) {
		this.metrics = metrics;
	}

	public DashboardView view(RegionId region, Period period) {
		List<Period> trend = period.trailing(TREND);
		Period previous = period.previous();
		Period lastYear = period.lastYear();
		List<Period> asked = new ArrayList<>(trend);
		if (!asked.contains(lastYear)) {
			asked.add(0, lastYear);
		}
		Map<Period, Map<String, Double>> values = metrics.values(region, asked);
		Map<Dimension, List<DashboardView.Line>> byDimension = new LinkedHashMap<>();
		for (Metric metric : metrics.all()) {
			Double value = value(values, period, metric);
			Double before = value(values, previous, metric);
			Double yearAgo = value(values, lastYear, metric);
			List<Double> line = trend.stream().map(p -> value(values, p, metric)).toList();
			byDimension.computeIfAbsent(metric.dimension(), d -> new ArrayList<>())
				.add(new DashboardView.Line(metric, value, before, change(value, before), yearAgo, change(value, yearAgo),
						line));
		}
		List<DashboardView.Section> sections = new ArrayList<>();
		for (Dimension dimension : Dimension.values()) {
			if (byDimension.containsKey(dimension)) {
				sections.add(new DashboardView.Section(dimension, byDimension.get(dimension)));
			}
		}
		return new DashboardView(region, period, previous, lastYear, trend, sections);
	}

	/**
	 * The relative change from {@code before} to {@code now} (0.25 = up 25 %); {@code null} when either is absent
	 * or {@code before} is 0 (no ratio to a nothing).
	 */
	public static Double change(Double now, Double before) {
		if (now == null || before == null || before == 0.0) {
			return null;
		}
		return (now - before) / Math.abs(before);
	}

	private static Double value(Map<Period, Map<String, Double>> values, Period period, Metric metric) {
		var inPeriod = values.get(period);
		return inPeriod == null ? null : inPeriod.get(metric.key());
	}
}
