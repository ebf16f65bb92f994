package com.linli.analytics.internal.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.analytics.internal.metrics.Dimension;
import com.linli.analytics.internal.metrics.Drill;
import com.linli.analytics.internal.metrics.Metric;
import com.linli.analytics.internal.metrics.MetricSource;
import com.linli.analytics.internal.metrics.MetricUnit;
import com.linli.analytics.internal.metrics.Period;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leaders (one per pickup point) of a period, from the pickup points' period totals ({@code period_point}): active
 * leaders (pickup points with a paid order in the period), the top 20% share (paid amount of the top fifth of the
 * active pickup points by paid amount, rounded up to a whole pickup point, / all of it) and the average sales
 * (paid amount / active pickup points). Sales are what residents paid for the orders, before refunds.
 */
@Component
class LeadersMetrics implements MetricSource {

	static final Metric ACTIVE = new Metric("leaders.active", Dimension.LEADERS, MetricUnit.COUNT, true);

	static final Metric TOP_SHARE = new Metric("leaders.top20Share", Dimension.LEADERS, MetricUnit.RATIO, false);

	static final Metric AVERAGE = new Metric("leaders.avgSales", Dimension.LEADERS, MetricUnit.MONEY_FEN, true);

	private final JdbcClient jdbc;

	private final PickupPointManagement network;

	LeadersMetrics(JdbcClient jdbc, PickupPointManagement network) {
		this.jdbc = jdbc;
		this.network = network;
	}

	@Override
	public List<Metric> metrics() {
		return List.of(ACTIVE, TOP_SHARE, AVERAGE);
	}

	@Override
	public Map<Period, Map<String, Double>> values(RegionId region, List<Period> periods) {
		var result = Spans.empty(periods);
		if (periods.isEmpty()) {
			return result;
		}
		var byStart = Spans.byStart(periods);
		Map<Period, List<Long>> sales = new HashMap<>();
		periods.forEach(p -> sales.put(p, new ArrayList<>()));
		jdbc.sql("""
				select start, paid_fen from analytics.period_point
				 where region_id = ? and kind = ? and start >= ? and start < ? and orders > 0""")
			.params(region.value(), periods.get(0).kind().name(), Spans.first(periods), Spans.end(periods))
			.query(rs -> {
				var p = byStart.get(rs.getObject(1, java.time.LocalDate.class));
				if (p != null) {
					sales.get(p).add(rs.getLong(2));
				}
			});
		sales.forEach((p, paid) -> {
			var v = result.get(p);
			v.put(ACTIVE.key(), (double) paid.size());
			long all = paid.stream().mapToLong(Long::longValue).sum();
			if (!paid.isEmpty()) {
				v.put(AVERAGE.key(), (double) all / paid.size());
			}
			if (all > 0) {
				v.put(TOP_SHARE.key(), (double) top(paid) / all);
			}
		});
		return result;
	}

	/** The paid amount of the top fifth of the pickup points (rounded up: one of three is the top). */
	static long top(List<Long> paid) {
		int n = (paid.size() + 4) / 5;
		return paid.stream().sorted(Comparator.reverseOrder()).limit(n).mapToLong(Long::longValue).sum();
	}

	/** Every leaders' metric drills to the pickup points ranked by paid amount, with their share. */
	@Override
	public Drill drill(String metricKey, RegionId region, Period period) {
		var rows = jdbc.sql("""
				select pickup_point_id, orders, paid_fen from analytics.period_point
				 where region_id = ? and kind = ? and start = ? and orders > 0
				 order by paid_fen desc, pickup_point_id""")
			.params(region.value(), period.kind().name(), period.start())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.list();
		long all = rows.stream().mapToLong(r -> r[2]).sum();
		var points = Spans.points(network, rows.stream().map(r -> r[0]).toList());
		List<List<Object>> cells = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			long[] r = rows.get(i);
			cells.add(List.of((long) i + 1, Spans.name(points, r[0]), r[1], r[2],
					all > 0 ? (double) r[2] / all : 0.0));
		}
		return new Drill(List.of("analytics.drill.rank", "analytics.drill.pickupPoint", "analytics.drill.orders",
				"analytics.drill.paid", "analytics.drill.share"),
				java.util.Arrays.asList(MetricUnit.COUNT, null, MetricUnit.COUNT, MetricUnit.MONEY_FEN, MetricUnit.RATIO),
				cells);
	}
}
