package com.linli.aftersales.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.aftersales.ServiceFigures.ComplaintDay;
import com.linli.aftersales.ServiceFigures.ComplaintRow;
import com.linli.aftersales.ServiceFigures.ReviewDay;
import com.linli.aftersales.ServiceFigures.ReviewRow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The grouped sums behind {@code aftersales.ServiceFigures}, on the region-and-time indexes. */
@Component
public class ServiceFigureQueries {

	private static final String IN_DAYS = """
			 >= (?::date)::timestamp at time zone 'Asia/Shanghai'
			and %1$s < ((?::date) + 1)::timestamp at time zone 'Asia/Shanghai'""";

	private final JdbcClient jdbc;

	ServiceFigureQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ComplaintDay> complaintsByDay(long region, LocalDate from, LocalDate to, Instant now) {
		return jdbc.sql("""
				select (filed_at at time zone 'Asia/Shanghai')::date, count(*),
				       count(*) filter (where resolved_at is not null or resolution_due < ?),
				       count(*) filter (where resolved_at is not null and resolved_at <= resolution_due)
				  from aftersales.complaint
				 where region_id = ? and filed_at %s
				 group by 1 order by 1""".formatted(IN_DAYS.formatted("filed_at")))
			.params(Timestamp.from(now), region, from, to)
			.query((rs, n) -> new ComplaintDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	public List<ReviewDay> reviewsByDay(long region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select (created_at at time zone 'Asia/Shanghai')::date, count(*), sum(product_stars)
				  from aftersales.review
				 where region_id = ? and created_at %s
				 group by 1 order by 1""".formatted(IN_DAYS.formatted("created_at")))
			.params(region, from, to)
			.query((rs, n) -> new ReviewDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	public List<ComplaintRow> complaints(long region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select id, complaint_no, subject, status, filed_at, resolution_due, resolved_at
				  from aftersales.complaint where region_id = ? and filed_at %s order by filed_at, id"""
			.formatted(IN_DAYS.formatted("filed_at")))
			.params(region, from, to)
			.query((rs, n) -> new ComplaintRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
					rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
			.list();
	}

	public List<ReviewRow> reviews(long region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select id, order_id, sku_name, product_stars, created_at
				  from aftersales.review where region_id = ? and created_at %s order by created_at, id"""
			.formatted(IN_DAYS.formatted("created_at")))
			.params(region, from, to)
			.query((rs, n) -> new ReviewRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}
}
