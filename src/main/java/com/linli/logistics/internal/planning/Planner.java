package com.linli.logistics.internal.planning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.catalog.StorageTemperature;
import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.CutoffRunId;
import com.linli.fulfilment.GridDrop;
import com.linli.identity.Actor;
import com.linli.logistics.DropLoad;
import com.linli.logistics.Load;
import com.linli.logistics.SkuPacking;
import com.linli.logistics.PlannedRoute;
import com.linli.logistics.PlannedStop;
import com.linli.logistics.RoutePlan;
import com.linli.logistics.RouteStatus;
import com.linli.logistics.internal.RoutePlans;
import com.linli.logistics.internal.RoutePlans.NewRoute;
import com.linli.logistics.internal.planning.FleetOfDay.Vehicle;
import com.linli.logistics.internal.planning.FleetOfDay.Window;
import com.linli.logistics.internal.planning.Schedules.StopInput;
import com.linli.logistics.internal.planning.TravelModel.Matrix;
import com.linli.logistics.internal.planning.TravelModel.Place;
import com.linli.logistics.solver.HybridGeneticSearch;
import com.linli.logistics.solver.Limits;
import com.linli.logistics.solver.Problem;
import com.linli.logistics.solver.Solution;
import com.linli.logistics.solver.VehicleType;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.WarehouseId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;

/**
 * The planning work behind {@link com.linli.logistics.RoutePlanning}: loads per drop, the routing problem
 * of a grid warehouse's morning, its solution on a bounded background pool (one thread per solve) with
 * throttled progress in the database, and the operator's edits recomputed with the same travel model.
 * Access checks are the caller's.
 */
@Component
public class Planner {

	private static final Logger log = LoggerFactory.getLogger(Planner.class);

	/** Past its time limit by this much, a SOLVING plan is taken as abandoned (a crash) and failed. */
	static final Duration STALE_MARGIN = Duration.ofSeconds(60);

	static final long PROGRESS_EVERY_MS = 250;

	static final String[] ZONES = { "AMBIENT", "CHILLED", "FROZEN", "KG" };

	private final CutoffManagement cutoffs;

	private final SkuManagement skus;

	private final com.linli.network.PickupPointManagement pickupPoints;

	private final FleetOfDay fleet;

	private final TravelModel travel;

	private final RoutePlans plans;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ThreadPoolExecutor pool;

	Planner(CutoffManagement cutoffs, SkuManagement skus, com.linli.network.PickupPointManagement pickupPoints,
			FleetOfDay fleet, TravelModel travel, RoutePlans plans, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
		this.cutoffs = cutoffs;
		this.skus = skus;
		this.pickupPoints = pickupPoints;
		this.fleet = fleet;
		this.travel = travel;
		this.plans = plans;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		AtomicInteger threads = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16), r -> {
			Thread t = new Thread(r, "route-planning-" + threads.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	@PreDestroy
	void stop() {
		pool.shutdownNow();
	}

	// ---------------------------------------------------------------- loads per drop

	/** Each pickup point's load of a completed run's grid warehouse (empty when the run is not completed). */
	public List<DropLoad> loads(long runId, long gridWarehouseId, Actor actor) {
		List<GridDrop> drops = cutoffs.drops(new CutoffRunId(runId), new WarehouseId(gridWarehouseId), actor);
		Set<SkuId> skuIds = new HashSet<>();
		drops.forEach(d -> d.skus().forEach(s -> skuIds.add(s.skuId())));
		Map<SkuId, Sku> catalog = skus.skus(skuIds);
		Map<Long, Integer> packing = fleet.unitsPerCrate(skuIds.stream().map(SkuId::value).toList());
		Map<PickupPointId, PickupPoint> points = pickupPoints
			.pickupPoints(drops.stream().map(GridDrop::pickupPointId).toList());
		Map<Long, Window> windows = fleet.windows(drops.stream().map(d -> d.pickupPointId().value()).toList());
		List<DropLoad> loads = new ArrayList<>();
		for (GridDrop drop : drops) {
			// the goods of one pickup point share crates per zone (sorted per point, not per SKU): each SKU fills
			// its share of a crate, and the zone takes as many crates as the shares add up to
			double[] shares = new double[3];
			double grams = 0;
			for (GridDrop.SkuUnits line : drop.skus()) {
				if (line.units() <= 0) {
					continue;
				}
				Sku sku = catalog.get(line.skuId());
				int weight = sku == null ? 0 : Math.max(sku.weightGrams(), 0);
				StorageTemperature zone = sku == null ? StorageTemperature.AMBIENT : sku.storage();
				int perCrate = packing.getOrDefault(line.skuId().value(), SkuPacking.defaultUnitsPerCrate(zone, weight));
				shares[zone(zone)] += (double) line.units() / perCrate;
				grams += (double) line.units() * weight;
			}
			int[] crates = new int[3];
			for (int z = 0; z < 3; z++) {
				crates[z] = (int) Math.ceil(shares[z] - 1e-9);
			}
			PickupPoint point = points.get(drop.pickupPointId());
			Window window = windows.getOrDefault(drop.pickupPointId().value(), Window.DEFAULT);
			loads.add(new DropLoad(drop.pickupPointId().value(), drop.pickupPointName(), drop.address(),
					point == null ? 0 : point.latitude(), point == null ? 0 : point.longitude(), window.start(), window.end(),
					window.serviceMinutes(), new Load(crates[0], crates[1], crates[2], Math.round(grams / 10.0) / 100.0),
					drop.orders()));
		}
		return loads;
	}

	static int zone(StorageTemperature temperature) {
		return switch (temperature) {
			case AMBIENT -> 0;
			case CHILLED -> 1;
			case FROZEN -> 2;
		};
	}

	// ---------------------------------------------------------------- the problem

	/** Everything one solve needs, checked. */
	public record Job(long gridWarehouseId, LocalDate date, ZoneId zone, double warehouseLatitude,
			double warehouseLongitude, List<StopInput> stops, List<Vehicle> vehicles, Set<Integer> takenRouteNos,
			Matrix matrix) {
	}

	/**
	 * Checks that the stops can be planned with the vehicles: a fleet large enough per zone, each stop carried
	 * and reached within a shift by some vehicle; a 409 naming the cause otherwise.
	 */
	public Job job(long gridWarehouseId, LocalDate date, ZoneId zone, double warehouseLatitude,
			double warehouseLongitude, List<StopInput> stops, List<Vehicle> vehicles, Set<Integer> takenRouteNos) {
		if (vehicles.isEmpty()) {
			throw new BusinessRuleException("no-vehicle", "gridWarehouseId", Text.of("logistics.problem.planningNoVehicle"));
		}
		double[] need = new double[4];
		double[] have = new double[4];
		for (StopInput s : stops) {
			need[0] += s.load().ambientCrates();
			need[1] += s.load().chilledCrates();
			need[2] += s.load().frozenCrates();
			need[3] += s.load().kg();
		}
		for (Vehicle v : vehicles) {
			for (int z = 0; z < 3; z++) {
				have[z] += v.crates()[z];
			}
			have[3] += v.maxKg();
		}
		List<String> over = new ArrayList<>();
		for (int z = 0; z < 4; z++) {
			if (need[z] > have[z] + 1e-9) {
				over.add(ZONES[z] + " " + fmt(need[z]) + " > " + fmt(have[z]) + " (+" + fmt(need[z] - have[z]) + ")");
			}
		}
		if (!over.isEmpty()) {
			throw new BusinessRuleException("fleet-too-small", "gridWarehouseId",
					Text.of("logistics.problem.planningFleetTooSmall", String.join(", ", over)));
		}
		List<Place> places = new ArrayList<>();
		places.add(new Place(0, warehouseLatitude, warehouseLongitude));
		stops.forEach(s -> places.add(new Place(s.pickupPointId(), s.latitude(), s.longitude())));
		Matrix matrix = travel.matrix(gridWarehouseId, places);
		for (int i = 0; i < stops.size(); i++) {
			StopInput s = stops.get(i);
			boolean carried = false;
			boolean reached = false;
			for (Vehicle v : vehicles) {
				if (!v.carries(s.crates(), s.load().kg())) {
					continue;
				}
				carried = true;
				double arrival = Math.max(Schedules.minutes(v.start()) + matrix.minutes(0, i + 1), s.readyMinutes());
				reached |= arrival <= s.dueMinutes() + 1e-6
						&& arrival + s.serviceMinutes() + matrix.minutes(i + 1, 0) <= Schedules.minutes(v.latestReturn()) + 1e-6;
			}
			if (!carried) {
				throw new BusinessRuleException("stop-too-large", "gridWarehouseId",
						Text.of("logistics.problem.planningStopTooLarge", s.name(), describe(s.load())));
			}
			if (!reached) {
				throw new BusinessRuleException("stop-unreachable", "gridWarehouseId",
						Text.of("logistics.problem.planningStopUnreachable", s.name()));
			}
		}
		return new Job(gridWarehouseId, date, zone, warehouseLatitude, warehouseLongitude, List.copyOf(stops),
				List.copyOf(vehicles), Set.copyOf(takenRouteNos), matrix);
	}

	static String describe(Load load) {
		return load.ambientCrates() + "/" + load.chilledCrates() + "/" + load.frozenCrates() + ", " + fmt(load.kg()) + " kg";
	}

	private static String fmt(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
	}

	/** Solves the job within the limit, reporting each better cost (fen) to {@code progress}; routes numbered. */
	public List<NewRoute> solve(Job job, Duration limit, com.linli.logistics.solver.ProgressListener progress) {
		List<StopInput> stops = job.stops();
		List<Vehicle> vehicles = job.vehicles();
		int n = stops.size();
		List<int[]> routes = new ArrayList<>();
		int[] types;
		if (n == 0) {
			types = new int[0];
		}
		else {
			Matrix m = job.matrix();
			double perKm = vehicles.stream().mapToLong(Vehicle::costPerKmFen).average().orElse(0);
			double perHour = vehicles.stream().mapToLong(Vehicle::costPerHourFen).average().orElse(0);
			boolean free = perKm <= 0 && perHour <= 0;
			double[][] cost = new double[n + 1][n + 1];
			double[][] minutes = new double[n + 1][n + 1];
			for (int i = 0; i <= n; i++) {
				for (int j = 0; j <= n; j++) {
					minutes[i][j] = m.minutes(i, j);
					cost[i][j] = free ? m.metres()[i][j] : m.km(i, j) * perKm + minutes[i][j] / 60.0 * perHour;
				}
			}
			int[][] demand = new int[4][n + 1];
			double[] x = new double[n + 1];
			double[] y = new double[n + 1];
			double[] ready = new double[n + 1];
			double[] due = new double[n + 1];
			double[] service = new double[n + 1];
			x[0] = job.warehouseLongitude();
			y[0] = job.warehouseLatitude();
			ready[0] = vehicles.stream().mapToDouble(v -> Schedules.minutes(v.start())).min().orElse(0);
			due[0] = vehicles.stream().mapToDouble(v -> Schedules.minutes(v.latestReturn())).max().orElse(24 * 60);
			for (int i = 1; i <= n; i++) {
				StopInput s = stops.get(i - 1);
				demand[0][i] = s.load().ambientCrates();
				demand[1][i] = s.load().chilledCrates();
				demand[2][i] = s.load().frozenCrates();
				demand[3][i] = (int) Math.ceil(s.load().kg() - 1e-9);
				x[i] = s.longitude();
				y[i] = s.latitude();
				ready[i] = s.readyMinutes();
				due[i] = s.dueMinutes();
				service[i] = s.serviceMinutes();
			}
			List<VehicleType> types0 = new ArrayList<>();
			for (Vehicle v : vehicles) {
				types0.add(new VehicleType(v.plate(), new int[] { v.crates()[0], v.crates()[1], v.crates()[2], v.maxKg() },
						v.fixedCostFen(), 1));
			}
			Problem problem = Problem.withFleet("grid-" + job.gridWarehouseId() + "-" + job.date(), x, y, demand, types0,
					cost, minutes, ready, due, service);
			Solution solution = new HybridGeneticSearch().solve(problem, new Limits(limit, 20261207L), progress);
			types = solution.vehicleTypes();
			routes.addAll(solution.routes());
		}
		List<NewRoute> planned = new ArrayList<>();
		int routeNo = 0;
		Set<Integer> usedVehicles = new HashSet<>();
		for (int r = 0; r < routes.size(); r++) {
			int[] route = routes.get(r);
			if (route.length == 0) {
				continue;
			}
			Vehicle vehicle = vehicles.get(types[r]);
			if (!usedVehicles.add(types[r])) {
				throw new IllegalStateException("the solver used vehicle " + vehicle.plate() + " twice");
			}
			do {
				routeNo++;
			}
			while (job.takenRouteNos().contains(routeNo));
			List<StopInput> ordered = new ArrayList<>();
			for (int c : route) {
				ordered.add(stops.get(c - 1));
			}
			NewRoute newRoute = Schedules.route(routeNo, vehicle, ordered, route, job.matrix(), job.date(), job.zone());
			int zone = Schedules.overCapacity(vehicle, newRoute.load());
			if (zone >= 0) {
				throw new IllegalStateException("no plan within the compartments was found: vehicle " + vehicle.plate()
						+ " over capacity in " + ZONES[zone]);
			}
			planned.add(newRoute);
		}
		return planned;
	}

	// ---------------------------------------------------------------- running a solve

	/**
	 * Solves the job of a SOLVING plan in the background: progress at most every 250 ms, then its routes
	 * stored (replacing the plan's PLANNED routes when {@code replacePlanned}) and the plan READY; FAILED
	 * with the cause if anything goes wrong.
	 */
	public Future<?> submit(long planId, Job job, Duration limit, boolean replacePlanned) {
		try {
			return pool.submit(() -> run(planId, job, limit, replacePlanned));
		}
		catch (RejectedExecutionException e) {
			plans.fail(planId, Text.of("logistics.problem.planningBusy").stored(), clock.instant());
			throw new BusinessRuleException("planning-busy", Text.of("logistics.problem.planningBusy"));
		}
	}

	private void run(long planId, Job job, Duration limit, boolean replacePlanned) {
		long started = System.nanoTime();
		long[] last = { 0 };
		try {
			List<NewRoute> routes = solve(job, limit, (cost, elapsed) -> {
				long now = System.nanoTime();
				if (now - last[0] >= PROGRESS_EVERY_MS * 1_000_000) {
					last[0] = now;
					plans.progress(planId, Math.round(cost), (int) elapsed);
				}
			});
			int elapsed = (int) ((System.nanoTime() - started) / 1_000_000);
			tx.executeWithoutResult(status -> {
				if (replacePlanned) {
					jdbc.sql("""
							delete from logistics.route_stop where route_id in
							  (select id from logistics.route where plan_id = ? and status = 'PLANNED')""")
						.param(planId).update();
					jdbc.sql("delete from logistics.route where plan_id = ? and status = 'PLANNED'").param(planId).update();
				}
				plans.finish(planId, routes, elapsed, clock.instant());
				if (replacePlanned) {
					jdbc.sql("""
							update logistics.route_plan p set
							  total_km = (select coalesce(sum(km), 0) from logistics.route where plan_id = p.id),
							  total_cost_fen = (select coalesce(sum(cost_fen), 0) from logistics.route where plan_id = p.id),
							  best_cost_fen = (select coalesce(sum(cost_fen), 0) from logistics.route where plan_id = p.id),
							  late_stops = (select count(*) from logistics.route_stop where plan_id = p.id and late_minutes > 0)
							 where id = ?""")
						.param(planId).update();
				}
			});
		}
		catch (RuntimeException e) {
			log.warn("route plan {} failed", planId, e);
			plans.fail(planId, Text.of("logistics.problem.planningFailed", String.valueOf(e.getMessage())).stored(),
					clock.instant());
		}
	}

	/** Waits for a submitted solve (the limit and a margin). */
	public void await(Future<?> solving, Duration limit) {
		try {
			solving.get(limit.toMillis() + 60_000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("route planning did not finish", e);
		}
	}

	/** A SOLVING plan past its time limit and a margin was abandoned (a crash, a restart): it is failed. */
	public boolean failIfStale(RoutePlan plan) {
		if (!"SOLVING".equals(plan.status())) {
			return false;
		}
		Instant since = jdbc.sql("select coalesce(solving_since, created_at) from logistics.route_plan where id = ?")
			.param(plan.id()).query(Timestamp.class).single().toInstant();
		if (since.plusMillis(plan.timeLimitMs()).plus(STALE_MARGIN).isBefore(clock.instant())) {
			plans.fail(plan.id(), Text.of("logistics.problem.planningStale").stored(), clock.instant());
			return true;
		}
		return false;
	}

	// ---------------------------------------------------------------- edits

	/** The stops of a stored route as planning input (times in minutes of the plan's date). */
	public List<StopInput> inputs(List<PlannedStop> stops, LocalDate date, ZoneId zone) {
		return stops.stream()
			.map(s -> new StopInput(s.pickupPointId(), s.pickupPointName(), s.address(), s.latitude(), s.longitude(),
					Schedules.minutesOf(date, zone, s.windowStart()), Schedules.minutesOf(date, zone, s.windowEnd()),
					s.serviceMinutes(), s.load(), s.orders()))
			.collect(Collectors.toCollection(ArrayList::new));
	}

	/**
	 * Rewrites a route with its stops in the given order (stops may come from another route of the plan):
	 * times, lateness, km, cost and load recomputed; 409 when the route changed since it was read.
	 */
	public void rewrite(PlannedRoute route, List<PlannedStop> ordered, RoutePlan plan, ZoneId zone, double warehouseLatitude,
			double warehouseLongitude) {
		Vehicle vehicle = fleet.vehicle(route.vehicleId(), plan.pickupDate());
		Vehicle withDriver = new Vehicle(vehicle.id(), vehicle.plate(), vehicle.name(), vehicle.crates(), vehicle.maxKg(),
				vehicle.costPerKmFen(), vehicle.costPerHourFen(), vehicle.fixedCostFen(), route.driverAccountId(),
				vehicle.start(), vehicle.latestReturn());
		if (ordered.isEmpty()) {
			jdbc.sql("delete from logistics.route where id = ? and version = ?").params(route.id(), route.version()).update();
			return;
		}
		List<StopInput> inputs = inputs(ordered, plan.pickupDate(), zone);
		List<Place> places = new ArrayList<>();
		places.add(new Place(0, warehouseLatitude, warehouseLongitude));
		inputs.forEach(s -> places.add(new Place(s.pickupPointId(), s.latitude(), s.longitude())));
		Matrix matrix = travel.matrix(plan.gridWarehouseId(), places);
		int[] nodes = new int[inputs.size()];
		for (int k = 0; k < nodes.length; k++) {
			nodes[k] = k + 1;
		}
		NewRoute figures = Schedules.route(route.routeNo(), withDriver, inputs, nodes, matrix, plan.pickupDate(), zone);
		Load load = figures.load();
		int saved = jdbc.sql("""
				update logistics.route set depart_at = ?, return_at = ?, km = ?, cost_fen = ?, ambient_crates = ?,
				  chilled_crates = ?, frozen_crates = ?, kg = ?, version = version + 1
				 where id = ? and version = ? and status = 'PLANNED'""")
			.params(Timestamp.from(figures.departAt()), Timestamp.from(figures.returnAt()), figures.km(), figures.costFen(),
					load.ambientCrates(), load.chilledCrates(), load.frozenCrates(), load.kg(), route.id(), route.version())
			.update();
		if (saved != 1) {
			throw new BusinessRuleException("changed-concurrently",
					Text.of("logistics.problem.routeChangedConcurrently", route.routeNo()));
		}
		for (int k = 0; k < ordered.size(); k++) {
			var stop = figures.stops().get(k);
			jdbc.sql("""
					update logistics.route_stop set route_id = ?, seq = ?, planned_arrival = ?, late_minutes = ?
					 where id = ? and status = 'PENDING'""")
				.params(route.id(), k + 1, Timestamp.from(stop.plannedArrival()), stop.lateMinutes(), ordered.get(k).id())
				.update();
		}
	}

	/** The vehicle of a route on the plan's date. */
	public Vehicle vehicle(long vehicleId, LocalDate date) {
		return fleet.vehicle(vehicleId, date);
	}

	public List<Vehicle> vehicles(long gridWarehouseId, LocalDate date) {
		return fleet.vehicles(gridWarehouseId, date);
	}

	/** The plan's totals after an edit, and its version moved on from the one read (409 if it moved meanwhile). */
	public void touch(RoutePlan plan) {
		int saved = jdbc.sql("""
				update logistics.route_plan p set
				  total_km = (select coalesce(sum(km), 0) from logistics.route where plan_id = p.id),
				  total_cost_fen = (select coalesce(sum(cost_fen), 0) from logistics.route where plan_id = p.id),
				  late_stops = (select count(*) from logistics.route_stop where plan_id = p.id and late_minutes > 0),
				  version = version + 1
				 where id = ? and version = ? and status = 'READY'""")
			.params(plan.id(), plan.version()).update();
		if (saved != 1) {
			throw new BusinessRuleException("changed-concurrently",
					Text.of("logistics.problem.planChangedConcurrently", plan.id()));
		}
	}

	/** Puts a READY plan back to SOLVING for a re-optimisation, from the version read; 409 if it moved. */
	public void resolve(RoutePlan plan, Duration limit) {
		int saved = jdbc.sql("""
				update logistics.route_plan set status = 'SOLVING', solving_since = ?, time_limit_ms = ?, elapsed_ms = 0,
				  best_cost_fen = null, finished_at = null, version = version + 1
				 where id = ? and version = ? and status = 'READY'""")
			.params(Timestamp.from(clock.instant()), (int) limit.toMillis(), plan.id(), plan.version()).update();
		if (saved != 1) {
			throw new BusinessRuleException("changed-concurrently",
					Text.of("logistics.problem.planChangedConcurrently", plan.id()));
		}
	}

	/** Routes of a plan by id (for the stored plan's map of vehicles). */
	public Map<Long, Vehicle> vehiclesOf(List<PlannedRoute> routes, LocalDate date) {
		Map<Long, Vehicle> map = new HashMap<>();
		for (PlannedRoute r : routes) {
			map.computeIfAbsent(r.vehicleId(), id -> fleet.vehicle(id, date));
		}
		return map;
	}

	/** The plans of a run, newest first. */
	public List<Long> planIdsOfRun(long runId) {
		return jdbc.sql("select id from logistics.route_plan where run_id = ? order by id desc").param(runId)
			.query(Long.class).list();
	}

	public boolean isPlanned(PlannedRoute route) {
		return route.status() == RouteStatus.PLANNED;
	}
}
