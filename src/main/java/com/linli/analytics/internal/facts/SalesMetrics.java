package com.linli.analytics.internal.facts;

import java.util.ArrayList;
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
 * Sales of a period, from the region's daily totals ({@code daily_region}, one row a day), by the day orders were
 * paid: GMV (group price x units), paid orders, average order value (paid / orders), refunds (of those orders),
 * refund rate (refunded / paid) and discount cost (GMV - paid). A period without orders has GMV 0 and no average
 * or rate.
 */
@Component
class SalesMetrics implements MetricSource {

	static final Metric GMV = new Metric("sales.gmv", Dimension.SALES, MetricUnit.MONEY_FEN, true);

	static final Metric ORDERS = new Metric("sales.orders", Dimension.SALES, MetricUnit.COUNT, true);

	static final Metric AOV = new Metric("sales.aov", Dimension.SALES, MetricUnit.MONEY_FEN, true);

	static final Metric REFUNDS = new Metric("sales.refunds", Dimension.SALES, MetricUnit.MONEY_FEN, false);

	static final Metric REFUND_RATE = new Metric("sales.refundRate", Dimension.SALES, MetricUnit.RATIO, false);

	static final Metric DISCOUNT = new Metric("sales.discount", Dimension.SALES, MetricUnit.MONEY_FEN, false);

	private final JdbcClient jdbc;

	private final PickupPointManagement network;

	SalesMetrics(JdbcClient jdbc, PickupPointManagement network) {
		this.jdbc = jdbc;
		this.network = network;
	}

	@Override
	public List<Metric> metrics() {
		return List.of(GMV, ORDERS, AOV, REFUNDS, REFUND_RATE, DISCOUNT);
	}

	@Override
	public Map<Period, Map<String, Double>> values(RegionId region, List<Period> periods) {
		var result = Spans.empty(periods);
		if (periods.isEmpty()) {
			return result;
		}
		var kind = periods.get(0).kind();
		var byStart = Spans.byStart(periods);
		Map<Period, long[]> sums = new java.util.HashMap<>();
		periods.forEach(p -> sums.put(p, new long[5]));
		jdbc.sql("""
				select day, orders, gmv_fen, paid_fen, discount_fen, refund_fen from analytics.daily_region
				 where region_id = ? and day >= ? and day < ?""")
			.params(region.value(), Spans.first(periods), Spans.end(periods))
			.query(rs -> {
				long[] row = new long[5];
				for (int i = 0; i < 5; i++) {
					row[i] = rs.getLong(i + 2);
				}
				Spans.holding(byStart, kind, rs.getObject(1, java.time.LocalDate.class)).ifPresent(p -> {
					var s = sums.get(p);
					for (int i = 0; i < 5; i++) {
						s[i] += row[i];
					}
				});
			});
		sums.forEach((p, s) -> {
			var v = result.get(p);
			long orders = s[0], gmv = s[1], paid = s[2], discount = s[3], refund = s[4];
			v.put(GMV.key(), (double) gmv);
			v.put(ORDERS.key(), (double) orders);
			v.put(REFUNDS.key(), (double) refund);
			v.put(DISCOUNT.key(), (double) discount);
			if (orders > 0) {
				v.put(AOV.key(), (double) paid / orders);
			}
			if (paid > 0) {
				v.put(REFUND_RATE.key(), (double) refund / paid);
			}
		});
		return result;
	}

	/** Every metric drills to the pickup points of the period with the same figures, by GMV. */
	@Override
	public Drill drill(String metricKey, RegionId region, Period period) {
		var rows = jdbc.sql("""
				select pickup_point_id, sum(orders), sum(gmv_fen), sum(paid_fen), sum(discount_fen), sum(refund_fen)
				  from analytics.daily_point
				 where region_id = ? and day >= ? and day < ?
				 group by pickup_point_id
				 order by 3 desc, 1""")
			.params(region.value(), period.start(), period.end())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6) })
			.list();
		var points = Spans.points(network, rows.stream().map(r -> r[0]).toList());
		List<List<Object>> cells = new ArrayList<>();
		for (long[] r : rows) {
			cells.add(java.util.Arrays.asList(Spans.name(points, r[0]), r[1], r[2], r[3], r[4], r[5],
					r[1] > 0 ? (Object) Math.round((double) r[3] / r[1]) : null, r[3] > 0 ? (Object) ((double) r[5] / r[3]) : null));
		}
		return new Drill(List.of("analytics.drill.pickupPoint", "analytics.drill.orders", "analytics.drill.gmv",
				"analytics.drill.paid", "analytics.drill.discount", "analytics.drill.refunds", "analytics.drill.aov",
				"analytics.drill.refundRate"),
				java.util.Arrays.asList(null, MetricUnit.COUNT, MetricUnit.MONEY_FEN, MetricUnit.MONEY_FEN,
						MetricUnit.MONEY_FEN, MetricUnit.MONEY_FEN, MetricUnit.MONEY_FEN, MetricUnit.RATIO),
				cells);
	}
}
