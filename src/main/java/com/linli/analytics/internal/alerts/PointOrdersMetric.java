package com.linli.analytics.internal.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.analytics.internal.metrics.Dimension;
import com.linli.analytics.internal.metrics.Drill;
import com.linli.analytics.internal.metrics.Metric;
import com.linli.analytics.internal.metrics.MetricSource;
import com.linli.analytics.internal.metrics.MetricUnit;
import com.linli.analytics.internal.metrics.Period;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.ResidentOrderFigures;

import org.springframework.stereotype.Component;

/**
 * The point-level metric "orders at a pickup point": paid, not cancelled orders by pickup date (ordering's
 * {@link ResidentOrderFigures#ordersByDay}, one grouped query over the whole span). Region-wide it is the orders of
 * all the region's points; alert rules may name one point ({@link #values(RegionId, PickupPointId, List)}).
 */
@Component
public class PointOrdersMetric implements MetricSource {

	public static final String KEY = "leaders.pickup-point-orders";

	static final Metric METRIC = new Metric(KEY, Dimension.LEADERS, MetricUnit.COUNT, true);

	private final ResidentOrderFigures figures;

	PointOrdersMetric(ResidentOrderFigures figures) {
		this.figures = figures;
	}

	@Override
	public List<Metric> metrics() {
		return List.of(METRIC);
	}

	@Override
	public Map<Period, Map<String, Double>> values(RegionId region, List<Period> periods) {
		Map<Period, Map<String, Double>> result = new LinkedHashMap<>();
		values(region, null, periods).forEach((p, v) -> result.put(p, Map.of(KEY, v)));
		return result;
	}

	/** The orders of one point (or the region when {@code point} is null) in each period; zero is a value. */
	public Map<Period, Double> values(RegionId region, PickupPointId point, List<Period> periods) {
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

	@Override
	public Drill drill(String metricKey, RegionId region, Period period) {
		List<List<Object>> rows = new ArrayList<>();
		figures.ordersByPoint(region, period.start(), period.last())
			.forEach(p -> rows.add(List.of(p.pickupPointId(), p.orders())));
		return new Drill(List.of("analytics.drill.pickupPointId", "analytics.drill.orders"),
				java.util.Arrays.asList(MetricUnit.COUNT, MetricUnit.COUNT), rows);
	}
}
