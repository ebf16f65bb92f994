package com.linli.logistics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.linli.logistics.Load;
import com.linli.logistics.PlannedRoute;
import com.linli.logistics.PlannedStop;
import com.linli.logistics.RoutePlan;
import com.linli.logistics.RouteStatus;
import com.linli.logistics.StopStatus;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored route plans (logistics.route_plan, route, route_stop): a plan is started (SOLVING), reports
 * progress, and is finished with its routes and stops (READY) or fails. Route and stop moves are saved
 * with a compare-and-set on their version; a lost race is a 409.
 */
@Repository
public class RoutePlans {

	private final JdbcClient jdbc;

	RoutePlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A route to store: its vehicle, times, figures and stops in order. */
	public record NewRoute(int routeNo, long vehicleId, Long driverAccountId, RouteStatus status, Instant departAt,
			Instant returnAt, double km, long costFen, List<NewStop> stops) {

		public Load load() {
			return stops.stream().map(NewStop::load).reduce(Load.NONE, Load::plus);
		}
	}

	/** A stop to store (seq is its place on the route, from 1). */
	public record NewStop(long pickupPointId, String pickupPointName, String address, double latitude, double longitude,
			Instant windowStart, Instant windowEnd, int serviceMinutes, Instant plannedArrival, int lateMinutes, Load load,
			int orders) {
	}

	/**
	 * Starts a plan of a run's grid warehouse (SOLVING); the current plan of the same run and warehouse, if any,
	 * is superseded, unless one of its routes has left (409).
	 */
	@Transactional
	public long start(long runId, long regionId, long gridWarehouseId, LocalDate pickupDate, int timeLimitMs,
			Long createdBy, Instant now) {
		Optional<RoutePlan> current = current(runId, gridWarehouseId);
		if (current.isPresent()) {
			long left = jdbc.sql("select count(*) from logistics.route where plan_id = ? and status in ('DISPATCHED', 'COMPLETED')")
				.param(current.get().id()).query(Long.class).single();
			if (left > 0 || current.get().status().equals("SOLVING")) {
				throw new BusinessRuleException("plan-in-use", "gridWarehouseId",
						Text.of(left > 0 ? "logistics.problem.planAlreadyDispatched" : "logistics.problem.planStillSolving"));
			}
			jdbc.sql("update logistics.route_plan set status = 'SUPERSEDED', version = version + 1 where id = ?")
				.param(current.get().id()).update();
		}
		return jdbc.sql("""
				insert into logistics.route_plan (run_id, region_id, grid_warehouse_id, pickup_date, status, time_limit_ms,
				  created_by, created_at) values (?, ?, ?, ?, 'SOLVING', ?, ?, ?) returning id""")
			.params(runId, regionId, gridWarehouseId, pickupDate, timeLimitMs, createdBy, Timestamp.from(now))
			.query(Long.class).single();
	}

	/** The solver found a better plan: its cost so far and the time spent (seen by every node). */
	public void progress(long planId, long bestCostFen, int elapsedMs) {
		jdbc.sql("update logistics.route_plan set best_cost_fen = ?, elapsed_ms = ? where id = ? and status = 'SOLVING'")
			.params(bestCostFen, elapsedMs, planId).update();
	}

	/** Stores the routes of a solving plan and makes it READY, with its totals. */
	@Transactional
	public void finish(long planId, List<NewRoute> routes, int elapsedMs, Instant now) {
		double km = 0;
		long cost = 0;
		int late = 0;
		for (NewRoute route : routes) {
			insertRoute(planId, route);
			km += route.km();
			cost += route.costFen();
			late += (int) route.stops().stream().filter(s -> s.lateMinutes() > 0).count();
		}
		int done = jdbc.sql("""
				update logistics.route_plan set status = 'READY', total_km = ?, total_cost_fen = ?, best_cost_fen = ?,
				  late_stops = ?, elapsed_ms = ?, finished_at = ?, version = version + 1
				 where id = ? and status = 'SOLVING'""")
			.params(km, cost, cost, late, elapsedMs, Timestamp.from(now), planId).update();
		if (done != 1) {
			throw new BusinessRuleException("changed-concurrently", Text.of("logistics.problem.planChangedConcurrently", planId));
		}
	}

	/** Adds one route with its stops to a plan (the solver's, or the operator's edit after removing the old one). */
	public long insertRoute(long planId, NewRoute route) {
		Load load = route.load();
		long routeId = jdbc.sql("""
				insert into logistics.route (plan_id, route_no, vehicle_id, driver_account_id, status, depart_at, return_at,
				  km, cost_fen, ambient_crates, chilled_crates, frozen_crates, kg)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(planId, route.routeNo(), route.vehicleId(), route.driverAccountId(), route.status().name(),
					Timestamp.from(route.departAt()), Timestamp.from(route.returnAt()), route.km(), route.costFen(),
					load.ambientCrates(), load.chilledCrates(), load.frozenCrates(), load.kg())
			.query(Long.class).single();
		int seq = 1;
		for (NewStop s : route.stops()) {
			jdbc.sql("""
					insert into logistics.route_stop (route_id, plan_id, seq, pickup_point_id, pickup_point_name, address,
					  latitude, longitude, window_start, window_end, service_minutes, planned_arrival, late_minutes,
					  ambient_crates, chilled_crates, frozen_crates, kg, orders, status)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
				.params(routeId, planId, seq++, s.pickupPointId(), s.pickupPointName(), s.address(), s.latitude(),
						s.longitude(), Timestamp.from(s.windowStart()), Timestamp.from(s.windowEnd()), s.serviceMinutes(),
						Timestamp.from(s.plannedArrival()), s.lateMinutes(), s.load().ambientCrates(),
						s.load().chilledCrates(), s.load().frozenCrates(), s.load().kg(), s.orders())
				.update();
		}
		return routeId;
	}

	public void fail(long planId, String failure, Instant now) {
		jdbc.sql("""
				update logistics.route_plan set status = 'FAILED', failure = ?, finished_at = ?, version = version + 1
				 where id = ? and status = 'SOLVING'""")
			.params(failure.length() > 400 ? failure.substring(0, 400) : failure, Timestamp.from(now), planId).update();
	}

	public Optional<RoutePlan> plan(long planId) {
		return jdbc.sql("select * from logistics.route_plan where id = ?").param(planId).query(RoutePlans::plan).optional();
	}

	/** The plan of a run's grid warehouse that is solving or ready, if any. */
	public Optional<RoutePlan> current(long runId, long gridWarehouseId) {
		return jdbc.sql("""
				select * from logistics.route_plan where run_id = ? and grid_warehouse_id = ?
				   and status in ('SOLVING', 'READY')""")
			.params(runId, gridWarehouseId).query(RoutePlans::plan).optional();
	}

	public List<PlannedRoute> routes(long planId) {
		return jdbc.sql("select * from logistics.route where plan_id = ? order by route_no").param(planId)
			.query(RoutePlans::route).list();
	}

	public Optional<PlannedRoute> route(long routeId) {
		return jdbc.sql("select * from logistics.route where id = ?").param(routeId).query(RoutePlans::route).optional();
	}

	/** Every stop of a plan, by route and sequence. */
	public List<PlannedStop> stops(long planId) {
		return jdbc.sql("""
				select s.* from logistics.route_stop s join logistics.route r on r.id = s.route_id
				 where s.plan_id = ? order by r.route_no, s.seq""")
			.param(planId).query(RoutePlans::stop).list();
	}

	public List<PlannedStop> stopsOfRoute(long routeId) {
		return jdbc.sql("select * from logistics.route_stop where route_id = ? order by seq").param(routeId)
			.query(RoutePlans::stop).list();
	}

	public Optional<PlannedStop> stop(long stopId) {
		return jdbc.sql("select * from logistics.route_stop where id = ?").param(stopId).query(RoutePlans::stop).optional();
	}

	/** Moves a route from the status it was read in (the enum refuses an illegal move); 409 if it changed since. */
	public PlannedRoute move(PlannedRoute route, RouteStatus target, Instant now) {
		route.status().to(target);
		int saved = jdbc.sql("""
				update logistics.route set status = ?, version = version + 1,
				  departed_at = case when ? = 'DISPATCHED' then ? else departed_at end,
				  completed_at = case when ? = 'COMPLETED' then ? else completed_at end
				 where id = ? and version = ?""")
			.params(target.name(), target.name(), Timestamp.from(now), target.name(), Timestamp.from(now), route.id(),
					route.version())
			.update();
		if (saved != 1) {
			throw new BusinessRuleException("changed-concurrently", Text.of("logistics.problem.routeChangedConcurrently", route.routeNo()));
		}
		return route(route.id()).orElseThrow();
	}

	/** Gives a route as it was read to another driver; 409 if it changed since. */
	public void assignDriver(PlannedRoute route, long driverAccountId) {
		int saved = jdbc.sql("update logistics.route set driver_account_id = ?, version = version + 1 where id = ? and version = ?")
			.params(driverAccountId, route.id(), route.version()).update();
		if (saved != 1) {
			throw new BusinessRuleException("changed-concurrently", Text.of("logistics.problem.routeChangedConcurrently", route.routeNo()));
		}
	}

	/** Moves a stop from the status it was read in; 409 if it changed since (a second hand-over loses here). */
	public PlannedStop move(PlannedStop stop, StopStatus target, String skipReason, Instant now) {
		stop.status().to(target);
		int saved = jdbc.sql("""
				update logistics.route_stop set status = ?, version = version + 1,
				  arrived_at = case when ? = 'ARRIVED' then ? else arrived_at end,
				  handed_over_at = case when ? = 'HANDED_OVER' then ? else handed_over_at end,
				  skip_reason = case when ? = 'SKIPPED' then ? else skip_reason end
				 where id = ? and version = ?""")
			.params(target.name(), target.name(), Timestamp.from(now), target.name(), Timestamp.from(now), target.name(),
					skipReason, stop.id(), stop.version())
			.update();
		if (saved != 1) {
			throw new BusinessRuleException("changed-concurrently", Text.of("logistics.problem.stopChangedConcurrently", stop.pickupPointName()));
		}
		return stop(stop.id()).orElseThrow();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	private static Load load(ResultSet rs) throws SQLException {
		return new Load(rs.getInt("ambient_crates"), rs.getInt("chilled_crates"), rs.getInt("frozen_crates"),
				rs.getDouble("kg"));
	}

	static RoutePlan plan(ResultSet rs, int row) throws SQLException {
		double km = rs.getDouble("total_km");
		Double totalKm = rs.wasNull() ? null : km;
		return new RoutePlan(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("region_id"), rs.getLong("grid_warehouse_id"),
				rs.getObject("pickup_date", LocalDate.class), rs.getString("status"), rs.getInt("time_limit_ms"),
				longOrNull(rs, "best_cost_fen"), rs.getInt("elapsed_ms"), totalKm, longOrNull(rs, "total_cost_fen"),
				rs.getInt("late_stops"), rs.getString("failure"), longOrNull(rs, "created_by"), instant(rs, "created_at"),
				instant(rs, "finished_at"), rs.getInt("version"));
	}

	static PlannedRoute route(ResultSet rs, int row) throws SQLException {
		return new PlannedRoute(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("route_no"), rs.getLong("vehicle_id"),
				longOrNull(rs, "driver_account_id"), RouteStatus.valueOf(rs.getString("status")), instant(rs, "depart_at"),
				instant(rs, "return_at"), rs.getDouble("km"), rs.getLong("cost_fen"), load(rs), instant(rs, "departed_at"),
				instant(rs, "completed_at"), rs.getInt("version"));
	}

	static PlannedStop stop(ResultSet rs, int row) throws SQLException {
		return new PlannedStop(rs.getLong("id"), rs.getLong("route_id"), rs.getLong("plan_id"), rs.getInt("seq"),
				rs.getLong("pickup_point_id"), rs.getString("pickup_point_name"), rs.getString("address"),
				rs.getDouble("latitude"), rs.getDouble("longitude"), instant(rs, "window_start"), instant(rs, "window_end"),
				rs.getInt("service_minutes"), instant(rs, "planned_arrival"), rs.getInt("late_minutes"), load(rs),
				rs.getInt("orders"), StopStatus.valueOf(rs.getString("status")), instant(rs, "arrived_at"),
				instant(rs, "handed_over_at"), rs.getString("skip_reason"), rs.getInt("version"));
	}
}
