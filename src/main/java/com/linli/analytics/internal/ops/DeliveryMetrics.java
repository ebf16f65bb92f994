package com.linli.analytics.internal.ops;

import java.util.Arrays;
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
import com.linli.logistics.DeliveryFigures;
import com.linli.network.RegionId;

import org.springframework.stereotype.Component;

/**
 * DELIVERY: stops on time over stops reached (arrived or skipped) on the period's mornings, and the cost per crate:
 * the routes' cost over their crates (logistics plans every route with its cost).
 */
@Component
class DeliveryMetrics implements MetricSource {

	static final String ON_TIME = "delivery.onTime";

	static final String COST_PER_CRATE = "delivery.costPerCrate";

	private final DeliveryFigures figures;

	DeliveryMetrics(DeliveryFigures figures) {
		this.figures = figures;
	}

	@Override
	public List<Metric> metrics() {
		return List.of(new Metric(ON_TIME, Dimension.DELIVERY, MetricUnit.RATIO, true),
				new Metric(COST_PER_CRATE, Dimension.DELIVERY, MetricUnit.MONEY_FEN, false));
	}

	@Override
	public Map<Period, Map<String, Double>> values(RegionId region, List<Period> periods) {
		var days = figures.byDay(region, Spans.first(periods), Spans.last(periods));
		Map<Period, Map<String, Double>> result = new LinkedHashMap<>();
		Spans.byPeriod(periods, days, DeliveryFigures.Day::date).forEach((period, rows) -> {
			Map<String, Double> values = new HashMap<>();
			long onTime = 0, reached = 0, cost = 0, crates = 0;
			for (var d : rows) {
				onTime += d.onTime();
				reached += d.onTime() + d.late() + d.skipped();
				cost += d.costFen();
				crates += d.crates();
			}
			Spans.putRatio(values, ON_TIME, onTime, reached);
			if (crates > 0) {
				values.put(COST_PER_CRATE, (double) cost / crates);
			}
			result.put(period, values);
		});
		return result;
	}

	@Override
	public Drill drill(String metricKey, RegionId region, Period period) {
		var rows = figures.routes(region, period.start(), period.last()).stream()
			.map(r -> List.<Object>of(r.date(), String.valueOf(r.routeNo()), r.plate(), r.costFen(), r.crates(),
					r.onTime(), r.late(), r.skipped()))
			.toList();
		return new Drill(List.of("analytics.drill.pickupDate", "analytics.drill.route", "analytics.drill.plate",
				"analytics.drill.cost", "analytics.drill.crates", "analytics.drill.stopsOnTime", "analytics.drill.stopsLate",
				"analytics.drill.stopsSkipped"),
				Arrays.asList(null, null, null, MetricUnit.MONEY_FEN, MetricUnit.COUNT, MetricUnit.COUNT, MetricUnit.COUNT,
						MetricUnit.COUNT),
				rows);
	}
}
