package com.linli.ordering.internal;

import java.time.LocalDate;
import java.util.List;

import com.linli.ordering.ResidentOrderFigures.ActiveWeek;
import com.linli.ordering.ResidentOrderFigures.Buyer;
import com.linli.ordering.ResidentOrderFigures.DayOrders;
import com.linli.ordering.ResidentOrderFigures.PointOrders;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The grouped order queries behind {@code ResidentOrderFigures}: paid and not cancelled orders, by pickup date. */
@Component
public class ResidentOrderQueries {

	private final JdbcClient jdbc;

	ResidentOrderQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Buyer> buyers(long region, LocalDate asOf, int windowDays) {
		LocalDate windowStart = asOf.minusDays(windowDays - 1L);
		return jdbc.sql("""
				select o.resident_id, min(o.pickup_date) as first_on, max(o.pickup_date) as last_on,
				       count(*) filter (where o.pickup_date >= ?) as orders_in_window,
				       coalesce(sum(o.paid_fen - o.refunded_fen) filter (where o.pickup_date >= ?), 0) as paid_in_window
				  from ordering.orders o
				 where o.region_id = ? and o.pickup_date <= ?
				   and o.paid_at is not null and o.cancelled_at is null
				 group by o.resident_id
				 order by o.resident_id""")
			.params(windowStart, windowStart, region, asOf)
			.query((rs, n) -> new Buyer(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
					rs.getInt(4), rs.getLong(5)))
			.list();
	}

	public List<ActiveWeek> activeWeeks(long region, LocalDate fromWeek, LocalDate to) {
		return jdbc.sql("""
				select resident_id, first_week, week from (
				  select o.resident_id, date_trunc('week', o.pickup_date)::date as week,
				         min(date_trunc('week', o.pickup_date)::date) over (partition by o.resident_id) as first_week
				    from ordering.orders o
				   where o.region_id = ? and o.pickup_date <= ?
				     and o.paid_at is not null and o.cancelled_at is null
				   group by o.resident_id, date_trunc('week', o.pickup_date)) w
				 where first_week >= ?
				 order by first_week, week, resident_id""")
			.params(region, to, fromWeek)
			.query((rs, n) -> new ActiveWeek(rs.getLong(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class)))
			.list();
	}

	public List<DayOrders> ordersByDay(long region, Long point, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select o.pickup_date, count(*) from ordering.orders o
				 where o.region_id = ? and o.pickup_date between ? and ?
				   and (cast(? as bigint) is null or o.pickup_point_id = ?)
				   and o.paid_at is not null and o.cancelled_at is null
				 group by o.pickup_date order by o.pickup_date""")
			.params(region, from, to, point, point)
			.query((rs, n) -> new DayOrders(rs.getObject(1, LocalDate.class), rs.getLong(2)))
			.list();
	}

	public List<PointOrders> ordersByPoint(long region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select o.pickup_point_id, count(*) from ordering.orders o
				 where o.region_id = ? and o.pickup_date between ? and ?
				   and o.paid_at is not null and o.cancelled_at is null
				 group by o.pickup_point_id order by 2 desc""")
			.params(region, from, to)
			.query((rs, n) -> new PointOrders(rs.getLong(1), rs.getLong(2)))
			.list();
	}
}
