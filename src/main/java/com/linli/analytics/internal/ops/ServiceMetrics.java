package com.linli.analytics.internal.ops;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.aftersales.ServiceFigures;
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
 * SERVICE: complaints filed in the period over the orders paid in it (analytics' daily aggregate, as
 * {@code sales.orders}); of the complaints filed in the period whose SLA is decided (resolved, or past their resolution due), the share resolved within it; the average
 * product stars of the reviews posted in the period.
 */
@Component
class ServiceMetrics implements MetricSource {

	static final String COMPLAINT_RATE = "service.complaintRate";

	static final String SLA = "service.slaCompliance";

	static final String SATISFACTION = "service.satisfaction";

	private final ServiceFigures service;

	private final JdbcClient jdbc;

	private final Clock clock;

	ServiceMetrics(ServiceFigures service, JdbcClient jdbc, Clock clock) {
		this.service = service;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<Metric> metrics() {
		return List.of(new Metric(COMPLAINT_RATE, Dimension.SERVICE, MetricUnit.RATIO, false),
				new Metric(SLA, Dimension.SERVICE, MetricUnit.RATIO, true),
				new Metric(SATISFACTION, Dimension.SERVICE, MetricUnit.DECIMAL, true));
	}

	@Override
	public Map<Period, Map<String, Double>> values(RegionId region, List<Period> periods) {
		var from = Spans.first(periods);
		var to = Spans.last(periods);
		var complaints = Spans.byPeriod(periods, service.complaintsByDay(region, from, to, clock.instant()),
				ServiceFigures.ComplaintDay::date);
		var reviews = Spans.byPeriod(periods, service.reviewsByDay(region, from, to), ServiceFigures.ReviewDay::date);
		// the paid orders of each day from analytics' own aggregate (sales.orders: by the day of payment), never a scan
		// of the orders at request time
		var paid = Spans.byPeriod(periods, jdbc.sql("""
				select day, orders from analytics.daily_region where region_id = ? and day between ? and ?""")
			.params(region.value(), from, to)
			.query((rs, n) -> new PaidDay(rs.getObject(1, LocalDate.class), rs.getLong(2)))
			.list(), PaidDay::date);
		Map<Period, Map<String, Double>> result = new LinkedHashMap<>();
		for (Period period : periods) {
			Map<String, Double> values = new HashMap<>();
			long filed = 0, decided = 0, within = 0, count = 0, stars = 0, paidOrders = 0;
			for (var c : complaints.get(period)) {
				filed += c.filed();
				decided += c.decided();
				within += c.withinSla();
			}
			for (var r : reviews.get(period)) {
				count += r.reviews();
				stars += r.stars();
			}
			for (var o : paid.get(period)) {
				paidOrders += o.orders();
			}
			Spans.putRatio(values, COMPLAINT_RATE, filed, paidOrders);
			Spans.putRatio(values, SLA, within, decided);
			Spans.putRatio(values, SATISFACTION, stars, count);
			result.put(period, values);
		}
		return result;
	}

	private record PaidDay(LocalDate date, long orders) {
	}

	@Override
	public Drill drill(String metricKey, RegionId region, Period period) {
		if (SATISFACTION.equals(metricKey)) {
			var rows = service.reviews(region, period.start(), period.last()).stream()
				.map(r -> List.<Object>of(String.valueOf(r.id()), String.valueOf(r.orderId()), r.skuName(),
						(long) r.productStars(), r.createdAt().atZone(clock.getZone()).toLocalDate()))
				.toList();
			return new Drill(List.of("analytics.drill.review", "analytics.drill.order", "analytics.drill.sku",
					"analytics.drill.stars", "analytics.drill.date"),
					Arrays.asList(null, null, null, MetricUnit.COUNT, null), rows);
		}
		var now = clock.instant();
		var rows = service.complaints(region, period.start(), period.last()).stream()
			.map(c -> List.<Object>of(c.complaintNo(), c.subject(), c.status(),
					c.filedAt().atZone(clock.getZone()).toLocalDate(),
					c.resolvedAt() != null && !c.resolvedAt().isAfter(c.resolutionDue()) ? "✓"
							: c.resolvedAt() != null || c.resolutionDue().isBefore(now) ? "✗" : "…"))
			.toList();
		return new Drill(List.of("analytics.drill.complaint", "analytics.drill.subject", "analytics.drill.status",
				"analytics.drill.date", "analytics.drill.withinSla"), Arrays.asList(null, null, null, null, null), rows);
	}
}
