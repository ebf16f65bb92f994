package com.linli.marketing.internal;

import java.time.LocalDate;
import java.util.List;

import com.linli.marketing.ListingSales.Closed;
import com.linli.marketing.ListingSales.Day;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The grouped sums behind {@code ListingSales}, on the listings' region and cutoff index. */
@Component
public class ListingSalesQueries {

	private static final String CLOSED_IN = """
			 from marketing.listing
			where region_id = ? and status = 'ACTIVE'
			  and cutoff_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'
			  and cutoff_at < ((?::date) + 1)::timestamp at time zone 'Asia/Shanghai'""";

	private final JdbcClient jdbc;

	ListingSalesQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Day> byDay(long region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select (cutoff_at at time zone 'Asia/Shanghai')::date, count(*), sum(stock_cap), sum(sold),
				       count(*) filter (where stock_cap > 0 and sold >= stock_cap)
				%s group by 1 order by 1""".formatted(CLOSED_IN))
			.params(region, from, to)
			.query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5)))
			.list();
	}

	public List<Closed> closed(long region, LocalDate from, LocalDate to, boolean soldOutOnly) {
		return jdbc.sql("select id, sku_id, pickup_date, stock_cap, sold " + CLOSED_IN
				+ (soldOutOnly ? " and stock_cap > 0 and sold >= stock_cap" : "") + " order by pickup_date, id")
			.params(region, from, to)
			.query((rs, n) -> new Closed(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
					rs.getLong(5)))
			.list();
	}
}
