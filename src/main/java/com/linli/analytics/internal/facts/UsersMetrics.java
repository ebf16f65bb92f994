package com.linli.analytics.internal.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.analytics.internal.metrics.Dimension;
import com.linli.analytics.internal.metrics.Drill;
import com.linli.analytics.internal.metrics.Metric;
import com.linli.analytics.internal.metrics.MetricSource;
import com.linli.analytics.internal.metrics.MetricUnit;
import com.linli.analytics.internal.metrics.Period;
import com.linli.network.RegionId;
import com.linli.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Residents of a period, from the per-period counts ({@code period_residents}) and the residents' first and second
 * days with a paid order ({@code resident_first}): new residents (first paid order in the period), paying residents,
 * repurchase rate (residents with two paid orders or more in the period / paying residents), 7- and 30-day retention
 * (of the period's new residents, the share whose next paid order came on a later day at most 7 / 30 days after
 * their first). {@code users.active} (visits) is the tracking's, not computed here.
 */
@Component
class UsersMetrics implements MetricSource {

	static final Metric NEW = new Metric("users.new", Dimension.USERS, MetricUnit.COUNT, true);

	static final Metric PAYING = new Metric("users.paying", Dimension.USERS, MetricUnit.COUNT, true);

	static final Metric REPURCHASE = new Metric("users.repurchaseRate", Dimension.USERS, MetricUnit.RATIO, true);

	static final Metric RETENTION_7 = new Metric("users.retention7", Dimension.USERS, MetricUnit.RATIO, true);

	static final Metric RETENTION_30 = new Metric("users.retention30", Dimension.USERS, MetricUnit.RATIO, true);

	private final JdbcClient jdbc;

	UsersMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Metric> metrics() {
		return List.of(NEW, PAYING, REPURCHASE, RETENTION_7, RETENTION_30);
	}

	@Override
	public Map<Period, Map<String, Double>> values(RegionId region, List<Period> periods) {
		var result = Spans.empty(periods);
		if (periods.isEmpty()) {
			return result;
		}
		var kind = periods.get(0).kind();
		var byStart = Spans.byStart(periods);
		periods.forEach(p -> {
			result.get(p).put(PAYING.key(), 0.0);
			result.get(p).put(NEW.key(), 0.0);
		});
		jdbc.sql("""
				select start, paying, repeaters from analytics.period_residents
				 where region_id = ? and kind = ? and start >= ? and start < ?""")
			.params(region.value(), kind.name(), Spans.first(periods), Spans.end(periods))
			.query(rs -> {
				var p = byStart.get(rs.getObject(1, LocalDate.class));
				if (p != null) {
					long paying = rs.getLong(2);
					result.get(p).put(PAYING.key(), (double) paying);
					if (paying > 0) {
						result.get(p).put(REPURCHASE.key(), (double) rs.getLong(3) / paying);
					}
				}
			});
		Map<Period, long[]> firsts = new HashMap<>();
		jdbc.sql("""
				select first_day, count(*), count(*) filter (where second_day <= first_day + 7),
				       count(*) filter (where second_day <= first_day + 30)
				  from analytics.resident_first
				 where region_id = ? and first_day >= ? and first_day < ?
				 group by first_day""")
			.params(region.value(), Spans.first(periods), Spans.end(periods))
			.query(rs -> {
				long all = rs.getLong(2), in7 = rs.getLong(3), in30 = rs.getLong(4);
				Spans.holding(byStart, kind, rs.getObject(1, LocalDate.class)).ifPresent(p -> {
					var f = firsts.computeIfAbsent(p, k -> new long[3]);
					f[0] += all;
					f[1] += in7;
					f[2] += in30;
				});
			});
		firsts.forEach((p, f) -> {
			var v = result.get(p);
			v.put(NEW.key(), (double) f[0]);
			if (f[0] > 0) {
				v.put(RETENTION_7.key(), (double) f[1] / f[0]);
				v.put(RETENTION_30.key(), (double) f[2] / f[0]);
			}
		});
		return result;
	}

	/** The most rows a drill lists (the export of a quarter's residents stays a workbook, not a dump). */
	static final int DRILL_ROWS = 5000;

	/**
	 * New residents and retention: the period's new residents with their first and next day; paying residents
	 * and repurchase: the period's paying residents by orders.
	 */
	@Override
	public Drill drill(String metricKey, RegionId region, Period period) {
		if (metricKey.equals(NEW.key()) || metricKey.equals(RETENTION_7.key()) || metricKey.equals(RETENTION_30.key())) {
			List<List<Object>> rows = new ArrayList<>();
			jdbc.sql("""
					select resident_id, first_day, second_day from analytics.resident_first
					 where region_id = ? and first_day >= ? and first_day < ?
					 order by first_day, resident_id limit ?""")
				.params(region.value(), period.start(), period.end(), DRILL_ROWS)
				.query(rs -> {
					LocalDate first = rs.getObject(2, LocalDate.class);
					LocalDate second = rs.getObject(3, LocalDate.class);
					rows.add(java.util.Arrays.asList(rs.getLong(1), first, second,
							second == null ? null : ChronoUnit.DAYS.between(first, second)));
				});
			return new Drill(List.of("analytics.drill.resident", "analytics.drill.firstDay", "analytics.drill.secondDay",
					"analytics.drill.daysToSecond"),
					java.util.Arrays.asList(MetricUnit.COUNT, null, null, MetricUnit.DAYS), rows);
		}
		if (metricKey.equals(PAYING.key()) || metricKey.equals(REPURCHASE.key())) {
			List<List<Object>> rows = new ArrayList<>();
			jdbc.sql("""
					select resident_id, orders, paid_fen from analytics.resident_period
					 where region_id = ? and kind = ? and start = ?
					 order by orders desc, paid_fen desc, resident_id limit ?""")
				.params(region.value(), period.kind().name(), period.start(), DRILL_ROWS)
				.query(rs -> {
					rows.add(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
				});
			return new Drill(List.of("analytics.drill.resident", "analytics.drill.orders", "analytics.drill.paid"),
					List.of(MetricUnit.COUNT, MetricUnit.COUNT, MetricUnit.MONEY_FEN), rows);
		}
		throw new NotFoundException("analytics.metric", metricKey);
	}
}
