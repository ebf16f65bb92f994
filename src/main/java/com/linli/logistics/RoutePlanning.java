package com.linli.logistics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.CutoffRun;
import com.linli.fulfilment.CutoffRunId;
import com.linli.identity.Actor;
import com.linli.logistics.internal.RoutePlans;
import com.linli.logistics.internal.planning.FleetOfDay.Vehicle;
import com.linli.logistics.internal.planning.Planner;
import com.linli.logistics.internal.planning.Planner.Job;
import com.linli.logistics.internal.planning.Schedules;
import com.linli.logistics.internal.planning.Schedules.StopInput;
import com.linli.logistics.internal.planning.TravelModel;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Route planning (线路规划) of the morning: each grid warehouse's pickup points with their loads after a
 * cutoff, planned onto its vehicles by the routing solver in the background (the operator sets the time
 * limit and sees the best cost so far), stored per cutoff run; then edited by the operator (move a stop,
 * reorder, lock a route) and re-optimised around the locked routes. Operators and warehouse staff work
 * only in their regions.
 *
 * <p>Shifts: the solver has one depot window, from the earliest shift start of the day's vehicles to their
 * latest return; each route is then timed with its own vehicle's shift (it leaves at its start, or just in
 * time for the first window) so a vehicle with a later shift shows its stops late rather than early.
 */
@Service
public class RoutePlanning {

	public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

	public static final Duration MAX_TIME_LIMIT = Duration.ofSeconds(120);

	private final Planner planner;

	private final RoutePlans plans;

	private final CutoffManagement cutoffs;

	private final WarehouseManagement warehouses;

	private final PickupPointManagement pickupPoints;

	private final RegionManagement regions;

	private final TravelModel travel;

	private final Clock clock;

	private final FleetManagement fleet;

	RoutePlanning(Planner planner, RoutePlans plans, CutoffManagement cutoffs, WarehouseManagement warehouses,
			PickupPointManagement pickupPoints, RegionManagement regions, TravelModel travel, Clock clock,
			FleetManagement fleet) {
		this.fleet = fleet;
		this.planner = planner;
		this.plans = plans;
		this.cutoffs = cutoffs;
		this.warehouses = warehouses;
		this.pickupPoints = pickupPoints;
		this.regions = regions;
		this.travel = travel;
		this.clock = clock;
	}

	/** A plan with its routes and stops (by route and sequence). */
	public record PlanDetail(RoutePlan plan, List<PlannedRoute> routes, List<PlannedStop> stops) {
	}

	/** Each pickup point's load from a completed run's grid warehouse. */
	public List<DropLoad> loads(Actor actor, long runId, long gridWarehouseId) {
		Warehouse grid = grid(actor, gridWarehouseId);
		CutoffRun run = cutoffs.get(new CutoffRunId(runId), actor);
		checkRun(run, grid);
		return planner.loads(runId, gridWarehouseId, actor);
	}

	/**
	 * Starts planning a completed run's grid warehouse with a time limit (1–120 s): checks everything first
	 * (nothing is stored when a check fails) and answers the SOLVING plan; the solve runs in the background.
	 */
	public RoutePlan plan(Actor actor, long runId, long gridWarehouseId, Duration timeLimit) {
		return started(actor, runId, gridWarehouseId, timeLimit).plan();
	}

	/** As {@link #plan}, and waits for the plan to be READY (or FAILED): for the demo and tests. */
	public RoutePlan planAndWait(Actor actor, long runId, long gridWarehouseId, Duration timeLimit) {
		Started started = started(actor, runId, gridWarehouseId, timeLimit);
		planner.await(started.solving(), limit(timeLimit));
		return plans.plan(started.plan().id()).orElseThrow();
	}

	private record Started(RoutePlan plan, Future<?> solving) {
	}

	private Started started(Actor actor, long runId, long gridWarehouseId, Duration timeLimit) {
		Duration limit = limit(timeLimit);
		Warehouse grid = grid(actor, gridWarehouseId);
		CutoffRun run = cutoffs.get(new CutoffRunId(runId), actor);
		checkRun(run, grid);
		List<DropLoad> loads = planner.loads(runId, gridWarehouseId, actor).stream()
			.filter(l -> l.load().crates() > 0 || l.load().kg() > 0)
			.toList();
		if (loads.isEmpty()) {
			throw new BusinessRuleException("not-in-run", "gridWarehouseId",
					Text.of("logistics.problem.planningWarehouseNotInRun", grid.name()));
		}
		if (!located(grid.latitude(), grid.longitude())) {
			throw new BusinessRuleException("no-coordinates", "gridWarehouseId",
					Text.of("logistics.problem.planningNoCoordinates", grid.name()));
		}
		List<String> unlocated = loads.stream().filter(l -> !l.located()).map(DropLoad::name).toList();
		if (!unlocated.isEmpty()) {
			throw new BusinessRuleException("no-coordinates", "gridWarehouseId",
					Text.of("logistics.problem.planningNoCoordinates", String.join(", ", unlocated)));
		}
		ZoneId zone = regions.getRegion(run.regionId()).zone();
		LocalDate date = run.pickupDate();
		List<StopInput> stops = new ArrayList<>();
		for (DropLoad l : loads) {
			stops.add(new StopInput(l.pickupPointId(), l.name(), l.address(), l.latitude(), l.longitude(),
					Schedules.minutes(l.windowStart()), Schedules.minutes(l.windowEnd()), l.serviceMinutes(), l.load(),
					l.orders()));
		}
		List<Vehicle> vehicles = planner.vehicles(gridWarehouseId, date);
		Job job = planner.job(gridWarehouseId, date, zone, grid.latitude(), grid.longitude(), stops, vehicles, Set.of());
		plans.current(runId, gridWarehouseId).ifPresent(planner::failIfStale);
		long planId = plans.start(runId, run.regionId().value(), gridWarehouseId, date, (int) limit.toMillis(),
				actor.accountIdOrNull(), clock.instant());
		Future<?> solving = planner.submit(planId, job, limit, false);
		return new Started(plans.plan(planId).orElseThrow(), solving);
	}

	private static Duration limit(Duration timeLimit) {
		Duration limit = timeLimit == null ? DEFAULT_TIME_LIMIT : timeLimit;
		if (limit.compareTo(Duration.ofSeconds(1)) < 0 || limit.compareTo(MAX_TIME_LIMIT) > 0) {
			throw new InvalidInputException("timeLimitSeconds", Text.of("logistics.problem.planningTimeLimit"));
		}
		return limit;
	}

	private static boolean located(double latitude, double longitude) {
		return !(Math.abs(latitude) < 1e-9 && Math.abs(longitude) < 1e-9);
	}

	private Warehouse grid(Actor actor, long gridWarehouseId) {
		Warehouse grid = warehouses.getWarehouse(new WarehouseId(gridWarehouseId));
		actor.checkRegion(grid.regionId().value());
		if (grid.kind() != WarehouseKind.GRID) {
			throw new BusinessRuleException("not-grid", "gridWarehouseId",
					Text.of("logistics.problem.planningNotGrid", grid.name()));
		}
		return grid;
	}

	private static void checkRun(CutoffRun run, Warehouse grid) {
		if (!run.regionId().equals(grid.regionId())) {
			throw new BusinessRuleException("other-region", "gridWarehouseId",
					Text.of("logistics.problem.planningOtherRegion", grid.name()));
		}
		if (!run.isCompleted()) {
			throw new BusinessRuleException("run-not-completed", "runId",
					Text.of("logistics.problem.planningRunNotCompleted", run.pickupDate()));
		}
	}

	/** A plan (a stale SOLVING one is failed first); 403 outside the actor's regions. */
	public RoutePlan get(Actor actor, long planId) {
		RoutePlan plan = plans.plan(planId).orElseThrow(() -> new NotFoundException("route plan", planId));
		actor.checkRegion(plan.regionId());
		if (planner.failIfStale(plan)) {
			return plans.plan(planId).orElseThrow();
		}
		return plan;
	}

	public PlanDetail detail(Actor actor, long planId) {
		RoutePlan plan = get(actor, planId);
		return new PlanDetail(plan, plans.routes(planId), plans.stops(planId));
	}

	/** The current (solving or ready) plan of a run's grid warehouse, if any. */
	public Optional<RoutePlan> current(Actor actor, long runId, long gridWarehouseId) {
		return plans.current(runId, gridWarehouseId).map(p -> get(actor, p.id()));
	}

	/** The plans of a run (every grid warehouse, newest first), to choose from. */
	public List<RoutePlan> plansOfRun(Actor actor, long runId) {
		cutoffs.get(new CutoffRunId(runId), actor);
		return planner.planIdsOfRun(runId).stream().map(id -> plans.plan(id).orElseThrow()).toList();
	}

	// ---------------------------------------------------------------- edits

	private RoutePlan editable(Actor actor, long planId, Integer expectedVersion) {
		RoutePlan plan = get(actor, planId);
		if (!plan.ready()) {
			throw new BusinessRuleException("plan-not-ready", "planId",
					Text.of("logistics.problem.planningNotReady", plan.status()));
		}
		if (expectedVersion != null && expectedVersion != plan.version()) {
			throw new BusinessRuleException("changed-concurrently", "version",
					Text.of("logistics.problem.planChangedConcurrently", planId));
		}
		return plan;
	}

	private PlannedRoute routeOf(RoutePlan plan, long routeId) {
		return plans.route(routeId).filter(r -> r.planId() == plan.id())
			.orElseThrow(() -> new NotFoundException("route", routeId));
	}

	private static void checkEditable(PlannedRoute route) {
		if (!route.status().editable()) {
			throw new BusinessRuleException("route-not-editable", "routeId",
					Text.of("logistics.problem.planningRouteNotEditable", route.routeNo(), route.status()));
		}
	}

	/**
	 * Moves a stop to a route of the same plan at a position (1 = first; on its own route: a reorder). Both
	 * routes must be PLANNED and the target's compartments must hold the load (409 naming route and zone);
	 * the touched routes are timed and costed again. {@code expectedVersion}: the plan's version the operator
	 * saw (a 409 when another edit came first), or null.
	 */
	@Transactional
	public PlanDetail moveStop(Actor actor, long planId, long stopId, long targetRouteId, int position,
			Integer expectedVersion) {
		RoutePlan plan = editable(actor, planId, expectedVersion);
		PlannedStop stop = plans.stop(stopId).filter(s -> s.planId() == planId)
			.orElseThrow(() -> new NotFoundException("stop", stopId));
		PlannedRoute source = routeOf(plan, stop.routeId());
		PlannedRoute target = routeOf(plan, targetRouteId);
		checkEditable(source);
		checkEditable(target);
		List<PlannedStop> sourceStops = new ArrayList<>(plans.stopsOfRoute(source.id()));
		sourceStops.removeIf(s -> s.id() == stopId);
		List<PlannedStop> targetStops = source.id() == target.id() ? sourceStops
				: new ArrayList<>(plans.stopsOfRoute(target.id()));
		if (position < 1 || position > targetStops.size() + 1) {
			throw new InvalidInputException("position",
					Text.of("logistics.problem.planningBadPosition", position, targetStops.size() + 1));
		}
		targetStops.add(position - 1, stop);
		Vehicle vehicle = planner.vehicle(target.vehicleId(), plan.pickupDate());
		Load load = targetStops.stream().map(PlannedStop::load).reduce(Load.NONE, Load::plus);
		int zone = Schedules.overCapacity(vehicle, load);
		if (zone >= 0) {
			throw new BusinessRuleException("over-capacity", "routeId", Text.of("logistics.problem.planningMoveOverCapacity" + zone,
					target.routeNo(), load.crates(), Math.round(load.kg())));
		}
		Warehouse grid = warehouses.getWarehouse(new WarehouseId(plan.gridWarehouseId()));
		ZoneId tz = regions.getRegion(grid.regionId()).zone();
		planner.rewrite(target, targetStops, plan, tz, grid.latitude(), grid.longitude());
		if (source.id() != target.id()) {
			planner.rewrite(source, sourceStops, plan, tz, grid.latitude(), grid.longitude());
		}
		planner.touch(plan);
		return detail(actor, planId);
	}

	/** Locks a PLANNED route (re-optimising keeps it as it is). */
	@Transactional
	public PlanDetail lock(Actor actor, long planId, long routeId, Integer expectedVersion) {
		return status(actor, planId, routeId, RouteStatus.LOCKED, expectedVersion);
	}

	/** Unlocks a LOCKED route (editable again). */
	@Transactional
	public PlanDetail unlock(Actor actor, long planId, long routeId, Integer expectedVersion) {
		return status(actor, planId, routeId, RouteStatus.PLANNED, expectedVersion);
	}

	/**
	 * Gives a route that has not left to another active driver of the plan's region (派车: a driver stands in or
	 * two swap); a driver already on another route of the plan is refused (409 naming that route).
	 */
	@Transactional
	public PlanDetail assignDriver(Actor actor, long planId, long routeId, long driverAccountId, Integer expectedVersion) {
		RoutePlan plan = editable(actor, planId, expectedVersion);
		PlannedRoute route = routeOf(plan, routeId);
		if (route.status() == RouteStatus.DISPATCHED || route.status() == RouteStatus.COMPLETED) {
			throw new BusinessRuleException("route-already-departed", "routeId",
					Text.of("logistics.problem.planningRouteDeparted", route.routeNo()));
		}
		Driver driver = fleet.driver(actor, driverAccountId);
		if (!driver.active() || driver.regionId() != plan.regionId()) {
			throw new InvalidInputException("driverAccountId",
					Text.of("logistics.problem.planningDriverNotOfRegion", driver.name()));
		}
		plans.routes(planId).stream()
			.filter(r -> r.id() != routeId && Long.valueOf(driverAccountId).equals(r.driverAccountId()))
			.findFirst()
			.ifPresent(other -> {
				throw new BusinessRuleException("driver-busy", "driverAccountId",
						Text.of("logistics.problem.planningDriverBusy", driver.name(), other.routeNo()));
			});
		plans.assignDriver(route, driverAccountId);
		planner.touch(plan);
		return detail(actor, planId);
	}

	private PlanDetail status(Actor actor, long planId, long routeId, RouteStatus target, Integer expectedVersion) {
		RoutePlan plan = editable(actor, planId, expectedVersion);
		PlannedRoute route = routeOf(plan, routeId);
		plans.move(route, target, clock.instant());
		planner.touch(plan);
		return detail(actor, planId);
	}

	/**
	 * Re-optimises a READY plan around its locked (and dispatched) routes: they stay exactly as they are, their
	 * vehicles are left out, and the stops of the PLANNED routes are solved again with the other vehicles,
	 * replacing those routes. Answers the SOLVING plan; the solve runs in the background.
	 */
	public RoutePlan reoptimise(Actor actor, long planId, Duration timeLimit, Integer expectedVersion) {
		return reoptimising(actor, planId, timeLimit, expectedVersion).plan();
	}

	public RoutePlan reoptimiseAndWait(Actor actor, long planId, Duration timeLimit, Integer expectedVersion) {
		Started started = reoptimising(actor, planId, timeLimit, expectedVersion);
		planner.await(started.solving(), limit(timeLimit));
		return plans.plan(planId).orElseThrow();
	}

	private Started reoptimising(Actor actor, long planId, Duration timeLimit, Integer expectedVersion) {
		Duration limit = limit(timeLimit);
		RoutePlan plan = editable(actor, planId, expectedVersion);
		Warehouse grid = warehouses.getWarehouse(new WarehouseId(plan.gridWarehouseId()));
		ZoneId zone = regions.getRegion(grid.regionId()).zone();
		List<PlannedRoute> routes = plans.routes(planId);
		Set<Long> keptVehicles = new HashSet<>();
		Set<Integer> keptNumbers = new HashSet<>();
		Set<Long> openRoutes = new HashSet<>();
		for (PlannedRoute r : routes) {
			if (r.status() == RouteStatus.PLANNED) {
				openRoutes.add(r.id());
			}
			else {
				keptVehicles.add(r.vehicleId());
				keptNumbers.add(r.routeNo());
			}
		}
		List<PlannedStop> open = plans.stops(planId).stream().filter(s -> openRoutes.contains(s.routeId())).toList();
		if (open.isEmpty()) {
			throw new BusinessRuleException("nothing-to-optimise", "planId", Text.of("logistics.problem.planningNothingOpen"));
		}
		List<Vehicle> vehicles = planner.vehicles(plan.gridWarehouseId(), plan.pickupDate()).stream()
			.filter(v -> !keptVehicles.contains(v.id()))
			.collect(Collectors.toList());
		Job job = planner.job(plan.gridWarehouseId(), plan.pickupDate(), zone, grid.latitude(), grid.longitude(),
				planner.inputs(open, plan.pickupDate(), zone), vehicles, keptNumbers);
		planner.resolve(plan, limit);
		Future<?> solving = planner.submit(planId, job, limit, true);
		return new Started(plans.plan(planId).orElseThrow(), solving);
	}

	// ---------------------------------------------------------------- travel legs

	/**
	 * Imports road distances and times of a grid warehouse's area as CSV ({@code from,to,metres,seconds};
	 * node 0 the warehouse, else one of its pickup points' ids): all rows or none. Answers the rows stored.
	 */
	public int importTravelLegs(Actor actor, long gridWarehouseId, String csv) {
		Warehouse grid = grid(actor, gridWarehouseId);
		Set<Long> points = pickupPoints.pickupPoints(grid.regionId()).stream()
			.filter(p -> p.gridWarehouseId().equals(grid.id()))
			.map(p -> p.id().value())
			.collect(Collectors.toSet());
		return travel.importLegs(gridWarehouseId, points, csv);
	}
}
