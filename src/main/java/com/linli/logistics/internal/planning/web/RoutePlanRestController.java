package com.linli.logistics.internal.planning.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.logistics.DropLoad;
import com.linli.logistics.Load;
import com.linli.logistics.PlannedRoute;
import com.linli.logistics.PlannedStop;
import com.linli.logistics.RoutePlan;
import com.linli.logistics.RoutePlanning;
import com.linli.logistics.RoutePlanning.PlanDetail;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Route plans of the morning for staff of the plan's region: loads per pickup point after a cutoff, start a
 * plan (it solves in the background: poll it for the best cost so far), the plan with its routes and stops,
 * the operator's edits (move or reorder a stop, lock and unlock a route), re-optimising around the locks,
 * and imported travel legs. Warehouse staff may read.
 */
@RestController
@RequestMapping("/api/admin/logistics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "route planning", description = "Route plans (线路规划) of each grid warehouse's morning")
class RoutePlanRestController {

	private final RoutePlanning planning;

	RoutePlanRestController(RoutePlanning planning) {
		this.planning = planning;
	}

	@GetMapping("/cutoff-runs/{cutoffRunId}/grid-warehouses/{gridWarehouseId}/loads")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
	@Operation(summary = "Each pickup point's load from a completed run's grid warehouse: crates per temperature zone, "
			+ "kilograms, orders, window and service minutes")
	List<LoadView> loads(@PathVariable long cutoffRunId, @PathVariable long gridWarehouseId, Actor actor) {
		return planning.loads(actor, cutoffRunId, gridWarehouseId).stream().map(LoadView::of).toList();
	}

	@PostMapping("/plans")
	@Operation(summary = "Plan the routes of a completed run's grid warehouse within a time limit (1-120 s, default 10): "
			+ "answers 202 with the SOLVING plan; poll it for the best cost so far until READY or FAILED. A load above the "
			+ "fleet, a stop no vehicle carries or reaches in its shift, a point without coordinates: 409 naming it")
	ResponseEntity<PlanView> start(@Valid @RequestBody StartPlan request, Actor actor) {
		RoutePlan plan = planning.plan(actor, request.runId(), request.gridWarehouseId(), seconds(request.timeLimitSeconds()));
		return ResponseEntity.accepted().location(URI.create("/api/admin/logistics/plans/" + plan.id()))
			.body(PlanView.of(planning.detail(actor, plan.id())));
	}

	@GetMapping("/plans")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
	@Operation(summary = "The plans of a cutoff run (every grid warehouse, newest first), without their routes")
	List<PlanSummary> plansOfRun(@RequestParam long cutoffRunId, Actor actor) {
		return planning.plansOfRun(actor, cutoffRunId).stream().map(PlanSummary::of).toList();
	}

	@GetMapping("/plans/{planId}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
	@Operation(summary = "A plan: its status and progress (best cost so far, elapsed) while SOLVING, its routes and "
			+ "stops once READY, the late stops with their minutes")
	PlanView get(@PathVariable long planId, Actor actor) {
		return PlanView.of(planning.detail(actor, planId));
	}

	@PostMapping("/plans/{planId}/stops/{stopId}/move")
	@Operation(summary = "Move a stop to a route of the plan at a position (1 = first); on its own route it reorders. "
			+ "Only PLANNED routes; 409 when the target's compartment would be over capacity or the plan's version moved")
	PlanView move(@PathVariable long planId, @PathVariable long stopId, @Valid @RequestBody MoveStop request, Actor actor) {
		planning.get(actor, planId);
		if (request.routeId() == null) {
			throw new InvalidInputException("routeId", Text.of("logistics.problem.planningRequired"));
		}
		if (request.position() == null) {
			throw new InvalidInputException("position", Text.of("logistics.problem.planningRequired"));
		}
		return PlanView.of(planning.moveStop(actor, planId, stopId, request.routeId(), request.position(), request.version()));
	}

	@PostMapping("/plans/{planId}/routes/{routeId}/lock")
	@Operation(summary = "Lock a PLANNED route: re-optimising keeps it exactly")
	PlanView lock(@PathVariable long planId, @PathVariable long routeId, @RequestBody(required = false) Edit request,
			Actor actor) {
		return PlanView.of(planning.lock(actor, planId, routeId, request == null ? null : request.version()));
	}

	@PostMapping("/plans/{planId}/routes/{routeId}/driver")
	@Operation(summary = "Give a route that has not left to another active driver of the region (派车)")
	PlanView assignDriver(@PathVariable long planId, @PathVariable long routeId, @Valid @RequestBody AssignDriver request,
			Actor actor) {
		return PlanView.of(planning.assignDriver(actor, planId, routeId, request.driverAccountId(), request.version()));
	}

	@PostMapping("/plans/{planId}/routes/{routeId}/unlock")
	@Operation(summary = "Unlock a LOCKED route (editable again)")
	PlanView unlock(@PathVariable long planId, @PathVariable long routeId, @RequestBody(required = false) Edit request,
			Actor actor) {
		return PlanView.of(planning.unlock(actor, planId, routeId, request == null ? null : request.version()));
	}

	@PostMapping("/plans/{planId}/reoptimise")
	@Operation(summary = "Re-optimise the PLANNED routes around the locked ones (their stops and vehicles stay as they "
			+ "are): answers 202 with the SOLVING plan")
	ResponseEntity<PlanView> reoptimise(@PathVariable long planId, @Valid @RequestBody(required = false) Reoptimise request,
			Actor actor) {
		planning.reoptimise(actor, planId, seconds(request == null ? null : request.timeLimitSeconds()),
				request == null ? null : request.version());
		return ResponseEntity.accepted().body(PlanView.of(planning.detail(actor, planId)));
	}

	@PostMapping("/grid-warehouses/{gridWarehouseId}/travel-legs")
	@Operation(summary = "Import road distances and driving times as CSV (from,to,metres,seconds; node 0 is the "
			+ "warehouse, otherwise one of its pickup points' ids): all rows or none; a bad row is a 400 naming it")
	ImportResult importLegs(@PathVariable long gridWarehouseId, @Valid @RequestBody LegsCsv request, Actor actor) {
		return new ImportResult(planning.importTravelLegs(actor, gridWarehouseId, request.csv()));
	}

	private static Duration seconds(Integer seconds) {
		return seconds == null ? RoutePlanning.DEFAULT_TIME_LIMIT : Duration.ofSeconds(seconds);
	}

	record StartPlan(@NotNull Long runId, @NotNull Long gridWarehouseId, @Min(1) @Max(120) Integer timeLimitSeconds) {
	}

	record MoveStop(Long routeId, Integer position, Integer version) {
	}

	record AssignDriver(@NotNull Long driverAccountId, Integer version) {
	}

	record Edit(Integer version) {
	}

	record Reoptimise(@Min(1) @Max(120) Integer timeLimitSeconds, Integer version) {
	}

	record LegsCsv(@Size(max = 2_000_000) String csv) {
	}

	record ImportResult(int legs) {
	}

	record LoadView(long pickupPointId, String name, String address, double latitude, double longitude,
			LocalTime windowStart, LocalTime windowEnd, int serviceMinutes, int ambientCrates, int chilledCrates,
			int frozenCrates, double kg, int orders) {

		static LoadView of(DropLoad l) {
			Load load = l.load();
			return new LoadView(l.pickupPointId(), l.name(), l.address(), l.latitude(), l.longitude(), l.windowStart(),
					l.windowEnd(), l.serviceMinutes(), load.ambientCrates(), load.chilledCrates(), load.frozenCrates(),
					load.kg(), l.orders());
		}
	}

	record PlanSummary(long id, long runId, long regionId, long gridWarehouseId, String status, int timeLimitMs,
			Long bestCostFen, int elapsedMs, Double totalKm, Long totalCostFen, int lateStops, String failure,
			String failureCode, int version) {

		static PlanSummary of(RoutePlan p) {
			Text failure = p.failure() == null ? null : Text.fromStored(p.failure());
			return new PlanSummary(p.id(), p.runId(), p.regionId(), p.gridWarehouseId(), p.status(), p.timeLimitMs(),
					p.bestCostFen(), p.elapsedMs(), p.totalKm(), p.totalCostFen(), p.lateStops(),
					failure == null ? null : failure.inReadersLanguage(), failure == null ? null : failure.code(), p.version());
		}
	}

	record StopView(long id, int seq, long pickupPointId, String name, String address, double latitude, double longitude,
			Instant windowStart, Instant windowEnd, int serviceMinutes, Instant plannedArrival, int lateMinutes,
			int ambientCrates, int chilledCrates, int frozenCrates, double kg, int orders, String status) {

		static StopView of(PlannedStop s) {
			return new StopView(s.id(), s.seq(), s.pickupPointId(), s.pickupPointName(), s.address(), s.latitude(),
					s.longitude(), s.windowStart(), s.windowEnd(), s.serviceMinutes(), s.plannedArrival(), s.lateMinutes(),
					s.load().ambientCrates(), s.load().chilledCrates(), s.load().frozenCrates(), s.load().kg(), s.orders(),
					s.status().name());
		}
	}

	record RouteView(long id, int routeNo, long vehicleId, Long driverAccountId, String status, Instant departAt,
			Instant returnAt, double km, long costFen, int ambientCrates, int chilledCrates, int frozenCrates, double kg,
			int version, List<StopView> stops) {
	}

	record LateStop(long stopId, int routeNo, String name, int lateMinutes) {
	}

	record PlanView(PlanSummary plan, List<RouteView> routes, List<LateStop> lateStops) {

		static PlanView of(PlanDetail d) {
			List<RouteView> routes = d.routes().stream().map(r -> route(r, d.stops())).toList();
			List<LateStop> late = d.routes().stream()
				.flatMap(r -> d.stops().stream().filter(s -> s.routeId() == r.id() && s.lateMinutes() > 0)
					.map(s -> new LateStop(s.id(), r.routeNo(), s.pickupPointName(), s.lateMinutes())))
				.toList();
			return new PlanView(PlanSummary.of(d.plan()), routes, late);
		}

		private static RouteView route(PlannedRoute r, List<PlannedStop> stops) {
			return new RouteView(r.id(), r.routeNo(), r.vehicleId(), r.driverAccountId(), r.status().name(), r.departAt(),
					r.returnAt(), r.km(), r.costFen(), r.load().ambientCrates(), r.load().chilledCrates(),
					r.load().frozenCrates(), r.load().kg(), r.version(),
					stops.stream().filter(s -> s.routeId() == r.id()).map(StopView::of).toList());
		}
	}
}
