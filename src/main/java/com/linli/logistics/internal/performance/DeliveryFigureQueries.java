package com.linli.logistics.internal.performance;

import java.time.LocalDate;
import java.util.List;

import com.linli.logistics.DeliveryFigures.Day;
import com.linli.logistics.DeliveryFigures.RouteRow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The grouped sums behind {@code DeliveryFigures}. */
@Component
public class DeliveryFigureQueries {

	private static final String ROUTES = """
			select r.id, p.pickup_date, r.route_no, v.plate, r.cost_fen,
			       r.ambient_crates + r.chilled_crates + r.frozen_crates as crates,
			       (select count(*) from logistics.route_stop s where s.route_id = r.id and s.status <> 'SKIPPED'
			           and s.arrived_at is not null and s.arrived_at <= s.window_end) as on_time,
			       (select count(*) from logistics.route_stop s where s.route_id = r.id and s.status <> 'SKIPPED'
			           and s.arrived_at is not null and s.arrived_at > s.window_end) as late,
			       (select count(*) from logistics.route_stop s where s.route_id = r.id and s.status = 'SKIPPED') as skipped
			  from logistics.route r
			  join logistics.route_plan p on p.id = r.plan_id
			  join logistics.vehicle v on v.id = r.vehicle_id
			 where p.status = 'READY' and p.region_id = ? and p.pickup_date between ? and ?
			   and r.status in ('DISPATCHED', 'COMPLETED')""";

	private final JdbcClient jdbc;

	DeliveryFigureQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Day> byDay(long region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select pickup_date, count(*), sum(cost_fen), sum(crates), sum(on_time), sum(late), sum(skipped)
				  from (%s) x group by pickup_date order by pickup_date""".formatted(ROUTES))
			.params(region, from, to)
			.query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
	}

	public List<RouteRow> routes(long region, LocalDate from, LocalDate to) {
		return jdbc.sql(ROUTES + " order by p.pickup_date, r.route_no")
			.params(region, from, to)
			.query((rs, n) -> new RouteRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getString(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
			.list();
	}
}
