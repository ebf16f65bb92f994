package com.linli.logistics.internal.driving;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.linli.logistics.ExceptionKind;
import com.linli.logistics.PlannedRoute;
import com.linli.logistics.RouteException;
import com.linli.logistics.RoutePosition;
import com.linli.logistics.StopStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened on the way (logistics.stop_event, route_exception, route_position, late_alert), and the routes of a
 * driver or of a morning.
 */
@Repository
public class DrivingRecords {

	private final JdbcClient jdbc;

	DrivingRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One departure at a time per cutoff run and grid warehouse, on any node (the first one dispatches). */
	public void lockDeparture(long runId, long gridWarehouseId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("logistics.depart:" + runId + ":" + gridWarehouseId).query((rs, n) -> 1).list();
	}

	public void event(long stopId, long routeId, StopStatus kind, Instant at, Long by, boolean inOrder) {
		jdbc.sql("""
				insert into logistics.stop_event (stop_id, route_id, kind, at, by_account_id, in_order)
				values (?, ?, ?, ?, ?, ?)""")
			.params(stopId, routeId, kind.name(), Timestamp.from(at), by, inOrder).update();
	}

	/** The stops of the routes taken out of their planned order (arrived at before an earlier stop was done). */
	public Set<Long> outOfOrder(Collection<Long> routeIds) {
		if (routeIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("select stop_id from logistics.stop_event where route_id in (:ids) and not in_order")
			.param("ids", routeIds).query(Long.class).list());
	}

	public Optional<Instant> eventAt(long stopId, StopStatus kind) {
		return jdbc.sql("select at from logistics.stop_event where stop_id = ? and kind = ?").params(stopId, kind.name())
			.query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
	}

	public long insertException(long routeId, Long stopId, ExceptionKind kind, String reason, String photoKey,
			String photoType, Long by, Instant at) {
		return jdbc.sql("""
				insert into logistics.route_exception (route_id, stop_id, kind, reason, photo_key, photo_type, reported_by,
				  reported_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(routeId, stopId, kind.name(), reason, photoKey, photoType, by, Timestamp.from(at))
			.query(Long.class).single();
	}

	public Optional<RouteException> exception(long id) {
		return jdbc.sql("select * from logistics.route_exception where id = ?").param(id)
			.query(DrivingRecords::exception).optional();
	}

	public Optional<String> photoKey(long exceptionId) {
		return jdbc.sql("select photo_key from logistics.route_exception where id = ? and photo_key is not null")
			.param(exceptionId).query(String.class).optional();
	}

	public List<RouteException> exceptions(Collection<Long> routeIds) {
		if (routeIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from logistics.route_exception where route_id in (:ids) order by reported_at desc, id desc")
			.param("ids", routeIds).query(DrivingRecords::exception).list();
	}

	public RoutePosition insertPosition(long routeId, double lat, double lon, Double accuracy, Instant at) {
		long id = jdbc.sql("""
				insert into logistics.route_position (route_id, latitude, longitude, accuracy_m, recorded_at, received_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(routeId, lat, lon, accuracy, Timestamp.from(at), Timestamp.from(at)).query(Long.class).single();
		return new RoutePosition(id, routeId, lat, lon, accuracy, at);
	}

	public List<RoutePosition> positions(long routeId, int limit) {
		return jdbc.sql("select * from logistics.route_position where route_id = ? order by recorded_at desc, id desc limit ?")
			.params(routeId, limit).query(DrivingRecords::position).list();
	}

	/** The last position of each route that has one. */
	public Map<Long, RoutePosition> lastPositions(Collection<Long> routeIds) {
		if (routeIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select distinct on (route_id) * from logistics.route_position where route_id in (:ids)
				 order by route_id, recorded_at desc, id desc""")
			.param("ids", routeIds).query(DrivingRecords::position).list().stream()
			.collect(Collectors.toMap(RoutePosition::routeId, p -> p));
	}

	/** Raises the window alert of a stop once: true if this call raised it. */
	public boolean raiseLateAlert(long stopId, long routeId, Instant eta, Instant windowEnd, Instant now) {
		return jdbc.sql("""
				insert into logistics.late_alert (stop_id, route_id, eta, window_end, raised_at) values (?, ?, ?, ?, ?)
				on conflict (stop_id) do nothing""")
			.params(stopId, routeId, Timestamp.from(eta), Timestamp.from(windowEnd), Timestamp.from(now)).update() == 1;
	}

	public Set<Long> alertedStops(Collection<Long> routeIds) {
		if (routeIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("select stop_id from logistics.late_alert where route_id in (:ids)")
			.param("ids", routeIds).query(Long.class).list());
	}

	/** The routes of a driver whose plan (current) is for the pickup date. */
	public List<Long> routesOfDriver(long driverAccountId, LocalDate pickupDate) {
		return jdbc.sql("""
				select r.id from logistics.route r join logistics.route_plan p on p.id = r.plan_id
				 where r.driver_account_id = ? and p.pickup_date = ? and p.status = 'READY'
				 order by r.depart_at, r.id""")
			.params(driverAccountId, pickupDate).query(Long.class).list();
	}

	/** The routes of the current plans of a pickup date, of the regions given (null: every region). */
	public List<Long> routesOfDay(LocalDate pickupDate, Set<Long> regionIds) {
		if (regionIds != null && regionIds.isEmpty()) {
			return List.of();
		}
		String regions = regionIds == null ? "" : " and p.region_id in (:regions)";
		var spec = jdbc.sql("""
				select r.id from logistics.route r join logistics.route_plan p on p.id = r.plan_id
				 where p.pickup_date = :date and p.status = 'READY'""" + regions + " order by p.grid_warehouse_id, r.route_no")
			.param("date", pickupDate);
		if (regionIds != null) {
			spec = spec.param("regions", regionIds);
		}
		return spec.query(Long.class).list();
	}

	/** Routes whose estimates may change with time: on their way, or due to have left (the last twelve hours). */
	public List<Long> routesToWatch(Instant now) {
		return jdbc.sql("""
				select r.id from logistics.route r join logistics.route_plan p on p.id = r.plan_id
				 where p.status = 'READY' and (
				   (r.status = 'DISPATCHED' and r.departed_at > ?)
				   or (r.status in ('PLANNED', 'LOCKED') and r.depart_at <= ? and r.depart_at > ?))""")
			.params(Timestamp.from(now.minusSeconds(24 * 3600)), Timestamp.from(now),
					Timestamp.from(now.minusSeconds(12 * 3600)))
			.query(Long.class).list();
	}

	/** Dispatched routes whose stops are all done (a route completed by two concurrent last stops is caught here). */
	public List<Long> dispatchedWithAllStopsDone() {
		return jdbc.sql("""
				select r.id from logistics.route r where r.status = 'DISPATCHED'
				   and not exists (select 1 from logistics.route_stop s where s.route_id = r.id
				                    and s.status not in ('HANDED_OVER', 'SKIPPED'))""")
			.query(Long.class).list();
	}

	public Optional<String> plateOf(long vehicleId) {
		return jdbc.sql("select plate from logistics.vehicle where id = ?").param(vehicleId).query(String.class).optional();
	}

	public static boolean isOnTheWay(PlannedRoute route) {
		return route.status() == com.linli.logistics.RouteStatus.DISPATCHED;
	}

	private static RouteException exception(ResultSet rs, int n) throws SQLException {
		long stop = rs.getLong("stop_id");
		Long stopId = rs.wasNull() ? null : stop;
		long by = rs.getLong("reported_by");
		Long reportedBy = rs.wasNull() ? null : by;
		return new RouteException(rs.getLong("id"), rs.getLong("route_id"), stopId,
				ExceptionKind.valueOf(rs.getString("kind")), rs.getString("reason"), rs.getString("photo_key") != null,
				reportedBy, rs.getTimestamp("reported_at").toInstant());
	}

	private static RoutePosition position(ResultSet rs, int n) throws SQLException {
		double acc = rs.getDouble("accuracy_m");
		Double accuracy = rs.wasNull() ? null : acc;
		return new RoutePosition(rs.getLong("id"), rs.getLong("route_id"), rs.getDouble("latitude"),
				rs.getDouble("longitude"), accuracy, rs.getTimestamp("recorded_at").toInstant());
	}
}
