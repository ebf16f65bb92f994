package com.linli.ordering.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.linli.ordering.OrderRiskFigures.OrderTrace;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The orders' traces for {@code OrderRiskFigures}: one indexed read of a region's recent orders. */
@Component
public class RiskFigureQueries {

	private final JdbcClient jdbc;

	RiskFigureQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<OrderTrace> placedSince(long region, Instant from, int limit) {
		return jdbc.sql("""
				select id, resident_id, pickup_point_id, status, total_fen, paid_fen, refunded_fen, created_at, cancelled_at
				  from ordering.orders
				 where region_id = ? and pickup_date >= ? and created_at >= ? order by created_at, id limit ?""")
			// an order's pickup date is never before the day it was placed: the region and pickup-date index serves
			.params(region, java.sql.Date.valueOf(from.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1)),
					Timestamp.from(from), limit)
			.query((rs, n) -> new OrderTrace(rs.getLong("id"), rs.getLong("resident_id"), rs.getLong("pickup_point_id"),
					rs.getString("status"), rs.getLong("total_fen"), rs.getLong("paid_fen"), rs.getLong("refunded_fen"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("cancelled_at") == null ? null : rs.getTimestamp("cancelled_at").toInstant()))
			.list();
	}
}
