package com.linli.analytics.internal.ops;

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
import com.linli.network.RegionId;
import com.linli.supply.SupplyFigures;

import org.springframework.stereotype.Component;

/**
 * SUPPLY: of the purchase orders received for pickup dates in the period, the share delivered on time, the units
 * accepted over the units ordered (fill rate), and the units accepted over those inspected (quality pass rate).
 */
@Component
class SupplyMetrics implements MetricSource {

	static final String ON_TIME = "supply.onTime";

	static final String FILL_RATE = "supply.fillRate";

	static final String QUALITY = "supply.qualityPassRate";

	private final SupplyFigures figures;

	SupplyMetrics(SupplyFigures figures) {
		this.figures = figures;
	}

	@Override
	public List<Metric> metrics() {
		return List.of(new Metric(ON_TIME, Dimension.SUPPLY, MetricUnit.RATIO, true),
				new Metric(FILL_RATE, Dimension.SUPPLY, MetricUnit.RATIO, true),
				new Metric(QUALITY, Dimension.SUPPLY, MetricUnit.RATIO, true));
	}

	@Override
	public Map<Period, Map<String, Double>> values(RegionId region, List<Period> periods) {
		var days = figures.byDay(region, Spans.first(periods), Spans.last(periods));
		Map<Period, Map<String, Double>> result = new LinkedHashMap<>();
		Spans.byPeriod(periods, days, SupplyFigures.Day::date).forEach((period, rows) -> {
			Map<String, Double> values = new HashMap<>();
			long received = 0, onTime = 0, ordered = 0, accepted = 0, rejected = 0;
			for (var d : rows) {
				received += d.received();
				onTime += d.onTime();
				ordered += d.orderedUnits();
				accepted += d.acceptedUnits();
				rejected += d.rejectedUnits();
			}
			Spans.putRatio(values, ON_TIME, onTime, received);
			Spans.putRatio(values, FILL_RATE, accepted, ordered);
			Spans.putRatio(values, QUALITY, accepted, accepted + rejected);
			result.put(period, values);
		});
		return result;
	}

	@Override
	public Drill drill(String metricKey, RegionId region, Period period) {
		var rows = figures.received(region, period.start(), period.last()).stream()
			.map(r -> List.<Object>of(String.valueOf(r.purchaseOrderId()), r.supplierName(), r.pickupDate(),
					r.onTime() ? "✓" : "✗", r.orderedUnits(), r.acceptedUnits(), r.rejectedUnits()))
			.toList();
		return new Drill(List.of("analytics.drill.purchaseOrder", "analytics.drill.supplier", "analytics.drill.pickupDate",
				"analytics.drill.onTime", "analytics.drill.orderedUnits", "analytics.drill.acceptedUnits",
				"analytics.drill.rejectedUnits"),
				java.util.Arrays.asList(null, null, null, null, MetricUnit.COUNT, MetricUnit.COUNT, MetricUnit.COUNT),
				rows);
	}
}
