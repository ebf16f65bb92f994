package com.linli.aftersales.internal.reports;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import com.linli.aftersales.RequestReason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Set-based reads of {@code aftersales.request} for the reports and the quality alert (its region/SKU/day index). */
@Component
class RequestFigureQueries {

	/** The grouping key; the expressions are constants, never input. */
	enum By {

		SKU("sku_id::text"), SUPPLIER("coalesce(supplier_id, 0)::text"), PICKUP_POINT("pickup_point_id::text"),
		REASON("reason"), DAY("(submitted_at at time zone :zone)::date::text");

		final String expression;

		By(String expression) {
			this.expression = expression;
		}
	}

	private static final String COUNTS = "status not in ('REJECTED', 'WITHDRAWN')";

	private final JdbcClient jdbc;

	RequestFigureQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The rows of one table: one per key with any request submitted in [from, to). */
	List<RefundFigures.Row> rows(By by, long regionId, Instant from, Instant to, ZoneId zone) {
		var spec = jdbc.sql("""
				select %1$s as key, max(sku_name) as name,
				       count(*) filter (where %2$s) as requests,
				       coalesce(sum(quantity) filter (where %2$s), 0) as units,
				       coalesce(sum(refunded_fen) filter (where status = 'REFUNDED'), 0) as refunded_fen,
				       coalesce(sum(amount_fen) filter (where status = 'EXCHANGED'), 0) as replaced_fen,
				       count(*) filter (where quick and %2$s) as quick,
				       count(*) filter (where status = 'REJECTED') as rejected,
				       count(*) filter (where status = 'WITHDRAWN') as withdrawn
				  from aftersales.request
				 where region_id = :region and submitted_at >= :from and submitted_at < :to
				 group by 1
				 order by 1""".formatted(by.expression, COUNTS))
			.param("region", regionId)
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to));
		if (by == By.DAY) {
			spec = spec.param("zone", zone.getId());
		}
		return spec.query((rs, n) -> new RefundFigures.Row(rs.getString("key"), rs.getString("name"), null,
				rs.getLong("requests"), rs.getLong("units"), rs.getLong("refunded_fen"), rs.getLong("replaced_fen"),
				rs.getLong("quick"), rs.getLong("rejected"), rs.getLong("withdrawn"), 0, 0)).list();
	}

	/** The median time from submission to decision of the requests submitted in [from, to), in seconds. */
	Long medianDecisionSeconds(long regionId, Instant from, Instant to) {
		Double median = jdbc.sql("""
				select percentile_cont(0.5) within group (order by extract(epoch from decided_at - submitted_at))
				  from aftersales.request
				 where region_id = ? and submitted_at >= ? and submitted_at < ? and decided_at is not null""")
			.params(regionId, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
			.query(Double.class)
			.optional()
			.orElse(null);
		return median == null ? null : Math.round(median);
	}

	/** Per SKU: its product-cause requests (that count) in [dayStart, dayEnd) and in [baseStart, dayStart). */
	record SkuRequests(long skuId, String skuName, Long categoryId, int dayRequests, int baseRequests) {
	}

	List<SkuRequests> productCauseRequests(long regionId, Instant baseStart, Instant dayStart, Instant dayEnd) {
		List<String> reasons = Arrays.stream(RequestReason.values()).filter(RequestReason::productCause)
			.map(Enum::name).toList();
		return jdbc.sql("""
				select sku_id, max(sku_name) as sku_name, max(category_id) as category_id,
				       count(*) filter (where submitted_at >= :dayStart) as day_requests,
				       count(*) filter (where submitted_at < :dayStart) as base_requests
				  from aftersales.request
				 where region_id = :region and submitted_at >= :baseStart and submitted_at < :dayEnd
				   and reason in (:reasons) and %s
				 group by sku_id""".formatted(COUNTS))
			.param("region", regionId)
			.param("baseStart", java.sql.Timestamp.from(baseStart))
			.param("dayStart", java.sql.Timestamp.from(dayStart))
			.param("dayEnd", java.sql.Timestamp.from(dayEnd))
			.param("reasons", reasons)
			.query((rs, n) -> new SkuRequests(rs.getLong("sku_id"), rs.getString("sku_name"),
					(Long) rs.getObject("category_id", Long.class), rs.getInt("day_requests"), rs.getInt("base_requests")))
			.list();
	}
}
