package com.linli.logistics.internal.performance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.linli.logistics.RouteStatus;
import com.linli.logistics.StopStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the routes that left in a date range and their stops, for the delivery performance figures. */
@Repository
public class DeliveryQueries {

	private final JdbcClient jdbc;

	DeliveryQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record RouteRow(long routeId, long planId, LocalDate date, long regionId, long gridWarehouseId, int routeNo,
			long vehicleId, String plate, Long driverAccountId, RouteStatus status, double km, long costFen, int crates) {
	}

	public record StopRow(long stopId, long routeId, String pickupPointName, Instant windowEnd, int orders,
			StopStatus status, Instant arrivedAt) {
	}

	/**
	 * The routes of current (READY) plans whose pickup date is in the range and that left (dispatched or
	 * completed), of the regions given ({@code null}: every region) and, if given, one grid warehouse.
	 */
	public List<RouteRow> routes(LocalDate from, LocalDate to, Set<Long> regions, Long gridWarehouseId) {
		return jdbc.sql("""
				select r.id, r.plan_id, p.pickup_date, p.region_id, p.grid_warehouse_id, r.route_no, r.vehicle_id, v.plate,
				       r.driver_account_id, r.status, r.km, r.cost_fen, r.ambient_crates + r.chilled_crates + r.frozen_crates crates
				  from logistics.route r
				  join logistics.route_plan p on p.id = r.plan_id
				  join logistics.vehicle v on v.id = r.vehicle_id
				 where p.status = 'READY' and p.pickup_date between :from and :to
				   and r.status in ('DISPATCHED', 'COMPLETED')
				   and (cast(:allRegions as boolean) or p.region_id in (:regions))
				   and (cast(:grid as bigint) is null or p.grid_warehouse_id = :grid)
				 order by p.pickup_date, p.grid_warehouse_id, r.route_no""")
			.param("from", from).param("to", to).param("allRegions", regions == null)
			.param("regions", regions == null || regions.isEmpty() ? List.of(-1L) : regions)
			.param("grid", gridWarehouseId)
			.query((rs, row) -> {
				long driver = rs.getLong("driver_account_id");
				Long driverId = rs.wasNull() ? null : driver;
				return new RouteRow(rs.getLong("id"), rs.getLong("plan_id"), rs.getObject("pickup_date", LocalDate.class),
						rs.getLong("region_id"), rs.getLong("grid_warehouse_id"), rs.getInt("route_no"), rs.getLong("vehicle_id"),
						rs.getString("plate"), driverId, RouteStatus.valueOf(rs.getString("status")), rs.getDouble("km"),
						rs.getLong("cost_fen"), rs.getInt("crates"));
			})
			.list();
	}

	public List<StopRow> stops(Collection<Long> routeIds) {
		if (routeIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, route_id, pickup_point_name, window_end, orders, status, arrived_at
				  from logistics.route_stop where route_id in (:ids) order by route_id, seq""")
			.param("ids", routeIds)
			.query((rs, row) -> {
				Timestamp arrived = rs.getTimestamp("arrived_at");
				return new StopRow(rs.getLong("id"), rs.getLong("route_id"), rs.getString("pickup_point_name"),
						rs.getTimestamp("window_end").toInstant(), rs.getInt("orders"), StopStatus.valueOf(rs.getString("status")),
						arrived == null ? null : arrived.toInstant());
			})
			.list();
	}
}
