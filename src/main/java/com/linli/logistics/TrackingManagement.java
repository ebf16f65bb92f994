package com.linli.logistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.logistics.internal.RoutePlans;
import com.linli.logistics.internal.driving.DrivingRecords;
import com.linli.logistics.internal.tracking.Eta;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live tracking board of a morning (every route of the current plans of a pickup date, in the actor's
 * regions): progress, the current delay, the estimated arrival at each stop still to come and whether it will miss
 * its window, the last position and the exceptions. A stop whose estimate passes its window's end raises
 * {@link StopWillBeLate} once (the leader and the region's operators are told); evaluated on every driver event
 * and by a job every minute.
 */
@Service
public class TrackingManagement {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private final RoutePlans plans;

	private final DrivingRecords records;

	private final AccountManagement accounts;

	private final RegionManagement regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TrackingManagement(RoutePlans plans, DrivingRecords records, AccountManagement accounts, RegionManagement regions,
			ApplicationEventPublisher events, Clock clock) {
		this.plans = plans;
		this.records = records;
		this.accounts = accounts;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/** Every route of a pickup date's morning in the actor's regions (or the one region asked for). */
	public List<TrackedRoute> board(LocalDate pickupDate, Long regionId, Actor actor) {
		checkStaff(actor);
		if (pickupDate == null) {
			throw new InvalidInputException("date", Text.of("logistics.problem.driving.chooseDate"));
		}
		Set<Long> scope = actor.regionFilter(regionId).idsOrNull();
		List<Long> ids = records.routesOfDay(pickupDate, scope);
		Map<Long, RoutePosition> last = records.lastPositions(ids);
		Set<Long> alerted = records.alertedStops(ids);
		Set<Long> outOfOrder = records.outOfOrder(ids);
		Map<Long, List<RouteException>> exceptions = new HashMap<>();
		records.exceptions(ids).forEach(e -> exceptions.computeIfAbsent(e.routeId(), k -> new ArrayList<>()).add(e));
		Instant now = clock.instant();
		Map<Long, RoutePlan> planCache = new HashMap<>();
		List<TrackedRoute> board = new ArrayList<>();
		for (long id : ids) {
			PlannedRoute route = plans.route(id).orElseThrow();
			RoutePlan plan = planCache.computeIfAbsent(route.planId(), p -> plans.plan(p).orElseThrow());
			List<PlannedStop> stops = plans.stopsOfRoute(id);
			List<StopEta> etas = Eta.estimates(route, stops, now).stream()
				.map(e -> new StopEta(e.stop(), e.eta(), e.willMissWindow(), alerted.contains(e.stop().id()),
						!outOfOrder.contains(e.stop().id())))
				.toList();
			String driver = route.driverAccountId() == null ? ""
					: accounts.get(new AccountId(route.driverAccountId())).displayName();
			int done = (int) stops.stream().filter(s -> s.status().done()).count();
			board.add(new TrackedRoute(route, plan, driver, records.plateOf(route.vehicleId()).orElse(""),
					Eta.delay(route, stops, now).toMinutes(), done, stops.size(), last.get(id), etas,
					exceptions.getOrDefault(id, List.of())));
		}
		return board;
	}

	/**
	 * Raises the window alert of each stop of the route still to come whose estimate passed its window's end, once
	 * per stop; the number raised now.
	 */
	@Transactional
	public int evaluate(long routeId) {
		PlannedRoute route = plans.route(routeId).orElse(null);
		if (route == null || route.status() == RouteStatus.COMPLETED) {
			return 0;
		}
		RoutePlan plan = plans.plan(route.planId()).orElseThrow();
		if (!plan.ready()) {
			return 0;
		}
		Instant now = clock.instant();
		ZoneId zone = regions.getRegion(new RegionId(plan.regionId())).zone();
		int raised = 0;
		for (Eta.Estimate e : Eta.estimates(route, plans.stopsOfRoute(routeId), now)) {
			if (!e.willMissWindow()) {
				continue;
			}
			PlannedStop s = e.stop();
			if (records.raiseLateAlert(s.id(), routeId, e.eta(), s.windowEnd(), now)) {
				raised++;
				long minutes = Math.max(1, Duration.between(s.windowEnd(), e.eta()).toMinutes());
				events.publishEvent(new StopWillBeLate(s.id(), routeId, route.routeNo(), plan.regionId(), s.pickupPointId(),
						s.pickupPointName(), plan.pickupDate(), e.eta(), s.windowEnd(), minutes,
						HH_MM.format(e.eta().atZone(zone)), HH_MM.format(s.windowEnd().atZone(zone))));
			}
		}
		return raised;
	}

	/** Routes whose estimates may have moved with time (on their way, or due to have left). */
	public List<Long> routesToWatch() {
		return records.routesToWatch(clock.instant());
	}

	private static void checkStaff(Actor actor) {
		if (actor.isSystem() || actor.isAdmin() || actor.hasRole(Role.OPERATOR) || actor.hasRole(Role.WAREHOUSE_STAFF)) {
			return;
		}
		throw new AccessDeniedException("the tracking board is for staff");
	}
}
