package com.linli.analytics.internal.alerts;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.analytics.internal.metrics.Dimension;
import com.linli.analytics.internal.metrics.Metric;
import com.linli.analytics.internal.metrics.MetricUnit;
import com.linli.analytics.internal.metrics.Period;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.ResidentOrderFigures;

import org.springframework.stereotype.Component;

/**
 * The point-level metric of alert rules, "orders at a pickup point": one point's paid, not cancelled orders by pickup
 * date (ordering's {@link ResidentOrderFigures#ordersByDay} on the point's own index). It is not a dashboard metric:
 * the dashboard reads the analytics aggregates and never scans orders, and a region's orders are {@code sales.orders}
 * there. A rule with this metric names its pickup point.
 */
@Component
public class PointOrdersMetric {

	public static final String KEY = "leaders.pickup-point-orders";

	public static final Metric METRIC = new Metric(KEY, Dimension.LEADERS, MetricUnit.COUNT, true);

	private final ResidentOrderFigures figures;

	PointOrdersMetric(ResidentOrderFigures figures) {
		this.figures = figures;
	}

	/** The orders of one point in each period; zero is a value. */
	public Map<Period, Double> values(RegionId region, PickupPointId point, List<Period> periods) {
		java.util.Objects.requireNonNull(point, "point");
		Map<Period, Double> result = new LinkedHashMap<>();
		if (periods.isEmpty()) {
			return result;
		}
		var from = periods.stream().map(Period::start).min(java.util.Comparator.naturalOrder()).orElseThrow();
		var to = periods.stream().map(Period::last).max(java.util.Comparator.naturalOrder()).orElseThrow();
		Map<java.time.LocalDate, Long> byDay = new HashMap<>();
		figures.ordersByDay(region, point, from, to).forEach(d -> byDay.put(d.day(), d.orders()));
		for (Period p : periods) {
			long sum = 0;
			for (var d = p.start(); d.isBefore(p.end()); d = d.plusDays(1)) {
				sum += byDay.getOrDefault(d, 0L);
			}
			result.put(p, (double) sum);
		}
		return result;
	}
}
