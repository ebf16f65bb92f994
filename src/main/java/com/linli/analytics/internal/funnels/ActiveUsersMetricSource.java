package com.linli.analytics.internal.funnels;

import java.sql.Date;
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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code users.active}: the distinct residents with any storefront event (page or product view, search, cart,
 * checkout, payment, share-link open) in the period, from the tracking events; one query for all periods.
 */
@Component
class ActiveUsersMetricSource implements MetricSource {

	static final Metric ACTIVE = new Metric("users.active", Dimension.USERS, MetricUnit.COUNT, true);

	private final JdbcClient jdbc;

	ActiveUsersMetricSource(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Metric> metrics() {
		return List.of(ACTIVE);
	}

	@Override
	public Map<Period, Map<String, Double>> values(RegionId region, List<Period> periods) {
		var result = new HashMap<Period, Map<String, Double>>();
		if (periods.isEmpty()) {
			return result;
		}
		// the periods as a values list of (index, start, end): dates, never input text
		var rows = new StringBuilder();
		for (int i = 0; i < periods.size(); i++) {
			rows.append(i == 0 ? "" : ", ").append("(").append(i).append(", date '").append(periods.get(i).start())
				.append("', date '").append(periods.get(i).end()).append("')");
		}
		var first = periods.stream().map(Period::start).min(java.util.Comparator.naturalOrder()).orElseThrow();
		var last = periods.stream().map(Period::end).max(java.util.Comparator.naturalOrder()).orElseThrow();
		periods.forEach(p -> result.put(p, new HashMap<>(Map.of(ACTIVE.key(), 0.0))));
		jdbc.sql("select p.i, count(distinct e.resident_id) from (values " + rows + ") as p(i, s, e)"
				+ " join analytics.tracking_event e on e.day >= p.s and e.day < p.e"
				+ " where e.region_id = ? and e.day >= ? and e.day < ? and e.resident_id is not null group by p.i")
			.params(region.value(), Date.valueOf(first), Date.valueOf(last))
			.query((rs, n) -> {
				result.get(periods.get(rs.getInt(1))).put(ACTIVE.key(), (double) rs.getLong(2));
				return null;
			})
			.list();
		return result;
	}

	@Override
	public Drill drill(String metricKey, RegionId region, Period period) {
		var rows = jdbc.sql("""
				select resident_id, count(*) as events, count(distinct day) as days, max(day) as last_day
				  from analytics.tracking_event
				 where region_id = ? and day >= ? and day < ? and resident_id is not null
				 group by resident_id order by events desc, resident_id limit 500""")
			.params(region.value(), Date.valueOf(period.start()), Date.valueOf(period.end()))
			.query((rs, n) -> List.<Object>of(Long.toString(rs.getLong(1)), rs.getLong(2), rs.getLong(3),
					rs.getDate(4).toLocalDate()))
			.list();
		return new Drill(List.of("analytics.track.drill.residentId", "analytics.track.drill.events", "analytics.track.drill.activeDays",
				"analytics.track.drill.lastSeen"), java.util.Arrays.asList(null, MetricUnit.COUNT, MetricUnit.COUNT, null),
				rows);
	}
}
