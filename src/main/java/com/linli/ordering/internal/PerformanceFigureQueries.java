package com.linli.ordering.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderStatus;
import com.linli.ordering.PickupPointPerformanceFigures.DaySales;
import com.linli.ordering.PickupPointPerformanceFigures.PointFigures;
import com.linli.ordering.PickupPointPerformanceFigures.StatusCount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The grouped queries of {@code PickupPointPerformanceFigures}, on the orders' region / pickup point and pickup-date
 * indexes. "Counted" orders are paid and not cancelled.
 */
@Component
public class PerformanceFigureQueries {

	private final JdbcClient jdbc;

	PerformanceFigureQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PointFigures> byPickupPoint(RegionId region, LocalDate from, LocalDate to, LocalTime receiptDue,
			ZoneId zone) {
		return jdbc.sql("""
				with counted as (
				     select o.id, o.resident_id, o.pickup_point_id, o.pickup_date, o.paid_fen - o.refunded_fen as net_fen,
				            o.ready_at, o.picked_up_at
				       from ordering.orders o
				      where o.region_id = :region and o.pickup_date between :from and :to
				        and o.paid_at is not null and o.cancelled_at is null),
				days as (
				     select pickup_point_id, pickup_date, min(ready_at) as received_at
				       from counted where ready_at is not null group by 1, 2),
				firsts as (
				     select c.pickup_point_id, c.resident_id
				       from counted c
				      group by 1, 2
				     having not exists (
				            select 1 from ordering.orders e
				             where e.pickup_point_id = c.pickup_point_id and e.resident_id = c.resident_id
				               and e.pickup_date < :from and e.paid_at is not null and e.cancelled_at is null))
				select c.pickup_point_id,
				       count(*) as orders,
				       sum(c.net_fen) as sales_fen,
				       count(distinct c.resident_id) as customers,
				       (select count(*) from firsts f where f.pickup_point_id = c.pickup_point_id) as new_customers,
				       (select count(*) from days d where d.pickup_point_id = c.pickup_point_id) as receipt_days,
				       (select count(*) from days d where d.pickup_point_id = c.pickup_point_id
				           and d.received_at < ((d.pickup_date + cast(:due as time)) at time zone :zone)) as on_time_days,
				       count(c.ready_at) as ready_orders,
				       count(*) filter (where c.picked_up_at <= c.ready_at + interval '1 day') as collected_within_day
				  from counted c
				 group by c.pickup_point_id
				 order by c.pickup_point_id""")
			.param("region", region.value()).param("from", from).param("to", to)
			.param("due", receiptDue.toString()).param("zone", zone.getId())
			.query((rs, n) -> new PointFigures(rs.getLong("pickup_point_id"), rs.getLong("orders"),
					rs.getLong("sales_fen"), rs.getLong("customers"), rs.getLong("new_customers"),
					rs.getLong("receipt_days"), rs.getLong("on_time_days"), rs.getLong("ready_orders"),
					rs.getLong("collected_within_day")))
			.list();
	}

	public List<DaySales> byDay(PickupPointId point, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select o.pickup_date, count(*) as orders, sum(o.paid_fen - o.refunded_fen) as sales_fen
				  from ordering.orders o
				 where o.pickup_point_id = ? and o.pickup_date between ? and ?
				   and o.paid_at is not null and o.cancelled_at is null
				 group by 1 order by 1""")
			.params(point.value(), from, to)
			.query((rs, n) -> new DaySales(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	public List<StatusCount> byStatus(PickupPointId point, LocalDate date) {
		return jdbc.sql("""
				select o.status, count(*) from ordering.orders o
				 where o.pickup_point_id = ? and o.pickup_date = ? group by 1""")
			.params(point.value(), date)
			.query((rs, n) -> new StatusCount(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
	}
}
