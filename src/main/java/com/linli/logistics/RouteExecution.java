package com.linli.logistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.linli.fulfilment.CutoffRunId;
import com.linli.fulfilment.DeliveryHandoverManagement;
import com.linli.fulfilment.DeliveryManagement;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.RegionScope;
import com.linli.identity.Role;
import com.linli.logistics.internal.RoutePlans;
import com.linli.logistics.internal.driving.DrivingRecords;
import com.linli.network.PickupPointId;
import com.linli.network.WarehouseId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;
import com.linli.shared.storage.FileStorage;
import com.linli.shared.storage.FileStorage.StoredFile;
import com.linli.shared.storage.ImageUpload;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The execution of a planned route by its driver (DESIGN.md section 4, Route and stop): departure (the first truck
 * of a grid warehouse for a run dispatches its goods in fulfilment: orders SHIPPED), arrival at a stop, the
 * hand-over (recorded in fulfilment for the leader's receipt), a skipped stop with its reason, exceptions on the way
 * with a photo, and the phone's positions. A driver acts only on routes given to them; operators of the region (and
 * admins, and the platform) on any route of it. Every driver event re-evaluates the route's window alerts.
 */
@Service
public class RouteExecution {

	/** The largest photo of an exception: a phone's photo. */
	public static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;

	static final String PHOTO_FOLDER = "route-exceptions";

	private final RoutePlans plans;

	private final DrivingRecords records;

	private final DeliveryManagement deliveries;

	private final DeliveryHandoverManagement handovers;

	private final AccountManagement accounts;

	private final TrackingManagement tracking;

	private final FileStorage storage;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RouteExecution(RoutePlans plans, DrivingRecords records, DeliveryManagement deliveries,
			DeliveryHandoverManagement handovers, AccountManagement accounts, TrackingManagement tracking,
			FileStorage storage, ApplicationEventPublisher events, Clock clock) {
		this.plans = plans;
		this.records = records;
		this.deliveries = deliveries;
		this.handovers = handovers;
		this.accounts = accounts;
		this.tracking = tracking;
		this.storage = storage;
		this.events = events;
		this.clock = clock;
	}

	/** A route with its plan and stops, as its driver (or an operator) sees it. */
	public record RouteView(PlannedRoute route, RoutePlan plan, List<PlannedStop> stops, String vehiclePlate,
			List<RoutePosition> positions, List<RouteException> exceptions) {

		/** The first stop not done yet: where the driver goes next. */
		public PlannedStop next() {
			return stops.stream().filter(s -> !s.status().done()).findFirst().orElse(null);
		}

		public long stopsDone() {
			return stops.stream().filter(s -> s.status().done()).count();
		}
	}

	/** The routes of the acting driver for a pickup date (their morning), in order of departure. */
	public List<RouteView> myRoutes(LocalDate pickupDate, Actor actor) {
		if (pickupDate == null) {
			throw new InvalidInputException("date", Text.of("logistics.problem.driving.chooseDate"));
		}
		long me = actor.requireAccount().value();
		return records.routesOfDriver(me, pickupDate).stream().map(id -> view(id, actor)).toList();
	}

	/** Every route of the current plans of a region's pickup date, for staff of the region (or the platform). */
	public List<RouteView> morning(long regionId, LocalDate pickupDate, Actor actor) {
		actor.checkRegion(regionId);
		return records.routesOfDay(pickupDate, Set.of(regionId)).stream().map(id -> view(id, actor)).toList();
	}

	/** A route, for its driver or staff of its region. */
	public RouteView view(long routeId, Actor actor) {
		PlannedRoute route = plans.route(routeId).orElseThrow(() -> new NotFoundException("route", routeId));
		RoutePlan plan = plans.plan(route.planId()).orElseThrow();
		checkMayAct(route, plan, actor);
		return new RouteView(route, plan, plans.stopsOfRoute(routeId), records.plateOf(route.vehicleId()).orElse(""),
				records.positions(routeId, 200), records.exceptions(List.of(routeId)));
	}

	/**
	 * 出发: the route leaves (PLANNED → LOCKED → DISPATCHED, or LOCKED → DISPATCHED). The first route of a grid
	 * warehouse to leave for a run dispatches the warehouse's goods in fulfilment (orders SHIPPED) unless staff
	 * dispatched it already; if the goods are not all there, the departure is refused with fulfilment's
	 * {@code GoodsMissing} (409) and nothing changes: staff dispatch with an override in the console, then the
	 * truck leaves.
	 */
	@Transactional
	public PlannedRoute depart(long routeId, Actor actor) {
		PlannedRoute route = plans.route(routeId).orElseThrow(() -> new NotFoundException("route", routeId));
		RoutePlan plan = plans.plan(route.planId()).orElseThrow();
		checkMayAct(route, plan, actor);
		if (route.status() == RouteStatus.DISPATCHED || route.status() == RouteStatus.COMPLETED) {
			throw new BusinessRuleException("route-already-departed", "routeId",
					Text.of("logistics.problem.driving.alreadyDeparted", route.routeNo()));
		}
		if (!plan.ready()) {
			throw new BusinessRuleException("plan-not-current", "routeId",
					Text.of("logistics.problem.driving.planNotCurrent", route.routeNo()));
		}
		records.lockDeparture(plan.runId(), plan.gridWarehouseId());
		CutoffRunId run = new CutoffRunId(plan.runId());
		WarehouseId grid = new WarehouseId(plan.gridWarehouseId());
		Actor inRegion = inRegion(actor, plan.regionId());
		boolean dispatched = deliveries.dispatches(run, inRegion).stream().anyMatch(d -> d.gridWarehouseId().equals(grid));
		if (!dispatched) {
			deliveries.dispatch(run, grid, inRegion);
		}
		Instant now = clock.instant();
		PlannedRoute locked = route.status() == RouteStatus.PLANNED ? plans.move(route, RouteStatus.LOCKED, now) : route;
		PlannedRoute left = plans.move(locked, RouteStatus.DISPATCHED, now);
		long late = Math.max(0, Duration.between(left.departAt(), now).toMinutes());
		events.publishEvent(new RouteDeparted(left.id(), plan.id(), plan.regionId(), plan.gridWarehouseId(),
				plan.pickupDate(), left.driverAccountId(), now, late));
		tracking.evaluate(left.id());
		return left;
	}

	/** 到达: the driver is at the stop (PENDING → ARRIVED), only on a route that has left; out of order is recorded. */
	@Transactional
	public PlannedStop arrive(long routeId, long stopId, Actor actor) {
		StopContext c = stopOnTheWay(routeId, stopId, actor);
		Instant now = clock.instant();
		boolean inOrder = inOrder(c.stop());
		PlannedStop arrived = plans.move(c.stop(), StopStatus.ARRIVED, null, now);
		records.event(stopId, routeId, StopStatus.ARRIVED, now, actor.accountIdOrNull(), inOrder);
		tracking.evaluate(routeId);
		return arrived;
	}

	/**
	 * 交接: the goods of the stop are with the leader (ARRIVED → HANDED_OVER), recorded in fulfilment for the leader's
	 * receipt; once only (a second hand-over, even a concurrent one, is a 409 and changes nothing). The route is
	 * COMPLETED with its last stop.
	 */
	@Transactional
	public PlannedStop handOver(long routeId, long stopId, Actor actor) {
		StopContext c = stopOnTheWay(routeId, stopId, actor);
		if (c.stop().status() == StopStatus.HANDED_OVER) {
			throw new BusinessRuleException("stop-already-handed-over", "stopId",
					Text.of("logistics.problem.driving.alreadyHandedOver", c.stop().pickupPointName()));
		}
		if (c.stop().status() == StopStatus.PENDING) {
			throw new BusinessRuleException("stop-not-arrived", "stopId",
					Text.of("logistics.problem.driving.notArrived", c.stop().pickupPointName()));
		}
		Instant now = clock.instant();
		boolean inOrder = inOrder(c.stop());
		PlannedStop handed = plans.move(c.stop(), StopStatus.HANDED_OVER, null, now);
		records.event(stopId, routeId, StopStatus.HANDED_OVER, now, actor.accountIdOrNull(), inOrder);
		Long driver = c.route().driverAccountId();
		String driverName = driver == null ? actor.name()
				: accounts.get(new com.linli.identity.AccountId(driver)).displayName();
		handovers.handOver(new PickupPointId(handed.pickupPointId()), c.plan().pickupDate(), driver, driverName, now,
				inRegion(actor, c.plan().regionId()));
		events.publishEvent(new StopHandedOver(stopId, routeId, c.plan().id(), c.plan().regionId(), handed.pickupPointId(),
				c.plan().pickupDate(), driver, now, inOrder));
		completeIfDone(routeId, now);
		tracking.evaluate(routeId);
		return handed;
	}

	/** 跳过: the stop is not served this morning (PENDING/ARRIVED → SKIPPED), with the reason (required, ≤ 200). */
	@Transactional
	public PlannedStop skip(long routeId, long stopId, String reason, Actor actor) {
		StopContext c = stopOnTheWay(routeId, stopId, actor);
		String why = reason(reason);
		Instant now = clock.instant();
		boolean inOrder = inOrder(c.stop());
		PlannedStop skipped = plans.move(c.stop(), StopStatus.SKIPPED, why, now);
		records.event(stopId, routeId, StopStatus.SKIPPED, now, actor.accountIdOrNull(), inOrder);
		completeIfDone(routeId, now);
		tracking.evaluate(routeId);
		return skipped;
	}

	/** A photo as uploaded: its content type and bytes. */
	public record Photo(String contentType, byte[] content) {
	}

	/**
	 * 上报异常: late, vehicle problem, damaged goods or other, with a reason (required, ≤ 200) and an optional JPEG/PNG
	 * photo (≤ 5 MB), at a stop of the route or on the way; shown on the tracking board.
	 */
	@Transactional
	public RouteException reportException(long routeId, Long stopId, String kind, String reason, Photo photo,
			Actor actor) {
		PlannedRoute route = plans.route(routeId).orElseThrow(() -> new NotFoundException("route", routeId));
		RoutePlan plan = plans.plan(route.planId()).orElseThrow();
		checkMayAct(route, plan, actor);
		ExceptionKind exceptionKind = kind(kind);
		String why = reason(reason);
		String type = null;
		if (photo != null) {
			type = photo.contentType() == null ? "" : photo.contentType().toLowerCase(Locale.ROOT);
			if (!type.equals("image/jpeg") && !type.equals("image/png")) {
				throw new InvalidInputException("photo", Text.of("logistics.problem.driving.photoType"));
			}
			new ImageUpload(type, photo.content()).check("photo", MAX_PHOTO_BYTES);
		}
		if (stopId != null) {
			PlannedStop stop = plans.stop(stopId).orElseThrow(() -> new NotFoundException("stop", stopId));
			if (stop.routeId() != routeId) {
				throw new NotFoundException("stop", stopId);
			}
		}
		String key = photo == null ? null : storage.store(PHOTO_FOLDER, type, photo.content());
		long id = records.insertException(routeId, stopId, exceptionKind, why, key, type, actor.accountIdOrNull(),
				clock.instant());
		return records.exception(id).orElseThrow();
	}

	/** The photo of an exception, for the route's driver and staff of its region. */
	public StoredFile exceptionPhoto(long exceptionId, Actor actor) {
		RouteException exception = records.exception(exceptionId)
			.orElseThrow(() -> new NotFoundException("route exception", exceptionId));
		view(exception.routeId(), actor);
		return records.photoKey(exceptionId).flatMap(storage::load)
			.orElseThrow(() -> new NotFoundException("photo of route exception", exceptionId));
	}

	/** A position of the driver's phone (latitude, longitude, accuracy in metres), only while the route is on its way. */
	@Transactional
	public RoutePosition position(long routeId, Double latitude, Double longitude, Double accuracy, Actor actor) {
		PlannedRoute route = plans.route(routeId).orElseThrow(() -> new NotFoundException("route", routeId));
		RoutePlan plan = plans.plan(route.planId()).orElseThrow();
		checkMayAct(route, plan, actor);
		if (latitude == null || latitude.isNaN() || latitude < -90 || latitude > 90) {
			throw new InvalidInputException("latitude", Text.of("logistics.problem.driving.latitude"));
		}
		if (longitude == null || longitude.isNaN() || longitude < -180 || longitude > 180) {
			throw new InvalidInputException("longitude", Text.of("logistics.problem.driving.longitude"));
		}
		if (accuracy != null && (accuracy.isNaN() || accuracy < 0 || accuracy > 100_000)) {
			throw new InvalidInputException("accuracy", Text.of("logistics.problem.driving.accuracy"));
		}
		if (route.status() != RouteStatus.DISPATCHED) {
			throw new BusinessRuleException("route-not-on-the-way", "routeId",
					Text.of("logistics.problem.driving.notOnTheWay", route.routeNo()));
		}
		return records.insertPosition(routeId, latitude, longitude, accuracy, clock.instant());
	}

	/** Completes a dispatched route whose stops are all done (no-op otherwise, or if it completed meanwhile). */
	@Transactional
	public void completeIfDone(long routeId, Instant now) {
		PlannedRoute route = plans.route(routeId).orElseThrow();
		if (route.status() != RouteStatus.DISPATCHED) {
			return;
		}
		if (plans.stopsOfRoute(routeId).stream().allMatch(s -> s.status().done())) {
			plans.move(route, RouteStatus.COMPLETED, now);
		}
	}

	private record StopContext(PlannedRoute route, RoutePlan plan, PlannedStop stop) {
	}

	/** The stop (404), on a route the actor may act on (403), of the route named (404), that has left (409). */
	private StopContext stopOnTheWay(long routeId, long stopId, Actor actor) {
		PlannedStop stop = plans.stop(stopId).orElseThrow(() -> new NotFoundException("stop", stopId));
		PlannedRoute route = plans.route(stop.routeId()).orElseThrow();
		RoutePlan plan = plans.plan(route.planId()).orElseThrow();
		checkMayAct(route, plan, actor);
		if (stop.routeId() != routeId) {
			throw new NotFoundException("stop", stopId);
		}
		if (route.status() != RouteStatus.DISPATCHED) {
			throw new BusinessRuleException(route.status() == RouteStatus.COMPLETED ? "route-completed" : "route-not-departed",
					"routeId", Text.of(route.status() == RouteStatus.COMPLETED ? "logistics.problem.driving.completed"
							: "logistics.problem.driving.notDeparted", route.routeNo()));
		}
		return new StopContext(route, plan, stop);
	}

	/** Every earlier stop of the route is done. */
	private boolean inOrder(PlannedStop stop) {
		return plans.stopsOfRoute(stop.routeId()).stream().filter(s -> s.seq() < stop.seq()).allMatch(s -> s.status().done());
	}

	/** Only the route's driver, staff who manage its region, or the platform. */
	static void checkMayAct(PlannedRoute route, RoutePlan plan, Actor actor) {
		if (actor.isSystem() || actor.managesRegion(plan.regionId())) {
			return;
		}
		if (actor.hasRole(Role.DRIVER) && route.driverAccountId() != null && actor.accountId().isPresent()
				&& actor.accountId().get().value() == route.driverAccountId()) {
			return;
		}
		throw new AccessDeniedException("route " + route.id() + " is not yours");
	}

	/** The actor, confined to the route's region, for fulfilment's checks (a driver has no regions of their own). */
	private static Actor inRegion(Actor actor, long regionId) {
		if (actor.isSystem() || actor.managesRegion(regionId)) {
			return actor;
		}
		return new Actor(actor.account(), actor.name(), actor.roles(), RegionScope.only(Set.of(regionId)), null);
	}

	private static String reason(String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidInputException("reason", Text.of("logistics.problem.driving.reasonRequired"));
		}
		if (why.length() > 200) {
			throw new InvalidInputException("reason", Text.of("logistics.problem.driving.reasonTooLong"));
		}
		return why;
	}

	private static ExceptionKind kind(String kind) {
		try {
			return ExceptionKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("kind", Text.of("logistics.problem.driving.kind"));
		}
	}
}
