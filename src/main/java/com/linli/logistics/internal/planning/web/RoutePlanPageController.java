package com.linli.logistics.internal.planning.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.CutoffRun;
import com.linli.fulfilment.CutoffRunId;
import com.linli.fulfilment.CutoffRunSearch;
import com.linli.fulfilment.CutoffStatus;
import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.logistics.PlannedRoute;
import com.linli.logistics.PlannedStop;
import com.linli.logistics.RoutePlan;
import com.linli.logistics.RoutePlanning;
import com.linli.logistics.RoutePlanning.PlanDetail;
import com.linli.logistics.internal.planning.FleetOfDay.Vehicle;
import com.linli.logistics.internal.planning.Planner;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's route plans: choose a completed cutoff run and a grid warehouse, set the time limit and
 * start; the progress while it solves (htmx); the plan drawn on a chart of the city with a table per
 * route, and the operator's edits (move a stop, up/down, lock/unlock, re-optimise).
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class RoutePlanPageController {

	private final RoutePlanning planning;

	private final Planner planner;

	private final CutoffManagement cutoffs;

	private final WarehouseManagement warehouses;

	private final AccountManagement accounts;

	RoutePlanPageController(RoutePlanning planning, Planner planner, CutoffManagement cutoffs,
			WarehouseManagement warehouses, AccountManagement accounts) {
		this.planning = planning;
		this.planner = planner;
		this.cutoffs = cutoffs;
		this.warehouses = warehouses;
		this.accounts = accounts;
	}

	@GetMapping("/console/logistics/plans")
	String plans(@RequestParam(required = false) Long runId, Model model, Actor actor) {
		List<CutoffRun> runs = cutoffs.search(new CutoffRunSearch(null, null, null, CutoffStatus.COMPLETED), 0, 30, actor)
			.items();
		model.addAttribute("runs", runs);
		Long chosen = runId != null ? runId : runs.isEmpty() ? null : runs.get(0).id().value();
		model.addAttribute("runId", chosen);
		List<Warehouse> grids = List.of();
		List<RoutePlan> plans = List.of();
		if (chosen != null) {
			CutoffRun run = cutoffs.get(new CutoffRunId(chosen), actor);
			grids = warehouses.warehouses(run.regionId()).stream().filter(w -> w.kind() == WarehouseKind.GRID).toList();
			plans = planning.plansOfRun(actor, chosen);
		}
		Map<Long, String> gridNames = new HashMap<>();
		grids.forEach(g -> gridNames.put(g.id().value(), g.name()));
		model.addAttribute("grids", grids);
		model.addAttribute("gridNames", gridNames);
		model.addAttribute("plans", plans);
		return "logistics/planning-plans";
	}

	@PostMapping("/console/logistics/plans")
	String start(@RequestParam long runId, @RequestParam long gridWarehouseId,
			@RequestParam(defaultValue = "10") int timeLimitSeconds, RedirectAttributes redirect, Actor actor) {
		try {
			RoutePlan plan = planning.plan(actor, runId, gridWarehouseId, Duration.ofSeconds(timeLimitSeconds));
			return "redirect:/console/logistics/plans/" + plan.id();
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
			return "redirect:/console/logistics/plans?runId=" + runId;
		}
	}

	/** A route as the page shows it: its vehicle, driver and stops. */
	record RouteRow(PlannedRoute route, Vehicle vehicle, String driver, List<PlannedStop> stops, int lateStops) {
	}

	@GetMapping("/console/logistics/plans/{planId}")
	String plan(@PathVariable long planId, Model model, Actor actor) {
		PlanDetail detail = planning.detail(actor, planId);
		RoutePlan plan = detail.plan();
		Warehouse grid = warehouses.getWarehouse(new WarehouseId(plan.gridWarehouseId()));
		Map<Long, Vehicle> vehicles = planner.vehiclesOf(detail.routes(), plan.pickupDate());
		Map<Long, String> drivers = new HashMap<>();
		List<AccountId> driverIds = detail.routes().stream().filter(r -> r.driverAccountId() != null)
			.map(r -> new AccountId(r.driverAccountId())).distinct().toList();
		if (!driverIds.isEmpty()) {
			for (Account a : accounts.getAll(driverIds)) {
				drivers.put(a.id().value(), a.displayName());
			}
		}
		List<RouteRow> rows = new ArrayList<>();
		Map<String, Object> chart = new LinkedHashMap<>();
		List<Map<String, Object>> lines = new ArrayList<>();
		for (PlannedRoute r : detail.routes()) {
			List<PlannedStop> stops = detail.stops().stream().filter(s -> s.routeId() == r.id()).toList();
			rows.add(new RouteRow(r, vehicles.get(r.vehicleId()),
					r.driverAccountId() == null ? null : drivers.get(r.driverAccountId()), stops,
					(int) stops.stream().filter(s -> s.lateMinutes() > 0).count()));
			List<double[]> coords = new ArrayList<>();
			coords.add(new double[] { grid.longitude(), grid.latitude() });
			stops.forEach(s -> coords.add(new double[] { s.longitude(), s.latitude() }));
			coords.add(new double[] { grid.longitude(), grid.latitude() });
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("name", "#" + r.routeNo() + " " + vehicles.get(r.vehicleId()).plate());
			line.put("locked", !r.status().editable());
			line.put("coords", coords);
			line.put("stops", stops.stream().map(s -> Map.of("name", s.seq() + ". " + s.pickupPointName(), "value",
					new double[] { s.longitude(), s.latitude() }, "late", s.lateMinutes())).toList());
			lines.add(line);
		}
		chart.put("warehouse", Map.of("name", grid.name(), "value", new double[] { grid.longitude(), grid.latitude() }));
		chart.put("routes", lines);
		model.addAttribute("plan", plan);
		model.addAttribute("grid", grid);
		model.addAttribute("rows", rows);
		model.addAttribute("chart", chart);
		model.addAttribute("failureText", plan.failure() == null ? null : Text.fromStored(plan.failure()).inReadersLanguage());
		return "logistics/planning-plan";
	}

	@GetMapping("/console/logistics/plans/{planId}/progress")
	String progress(@PathVariable long planId, Model model, HttpServletResponse response, Actor actor) {
		RoutePlan plan = planning.get(actor, planId);
		if (!"SOLVING".equals(plan.status())) {
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("plan", plan);
		return "logistics/planning-plan :: progress";
	}

	@PostMapping("/console/logistics/plans/{planId}/stops/{stopId}/move")
	String move(@PathVariable long planId, @PathVariable long stopId, @RequestParam long routeId,
			@RequestParam int position, @RequestParam(required = false) Integer version, RedirectAttributes redirect,
			Actor actor) {
		return edit(planId, redirect, () -> planning.moveStop(actor, planId, stopId, routeId, position, version));
	}

	@PostMapping("/console/logistics/plans/{planId}/routes/{routeId}/lock")
	String lock(@PathVariable long planId, @PathVariable long routeId, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect, Actor actor) {
		return edit(planId, redirect, () -> planning.lock(actor, planId, routeId, version));
	}

	@PostMapping("/console/logistics/plans/{planId}/routes/{routeId}/unlock")
	String unlock(@PathVariable long planId, @PathVariable long routeId, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect, Actor actor) {
		return edit(planId, redirect, () -> planning.unlock(actor, planId, routeId, version));
	}

	@PostMapping("/console/logistics/plans/{planId}/reoptimise")
	String reoptimise(@PathVariable long planId, @RequestParam(defaultValue = "5") int timeLimitSeconds,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, Actor actor) {
		return edit(planId, redirect, () -> planning.reoptimise(actor, planId, Duration.ofSeconds(timeLimitSeconds), version));
	}

	private String edit(long planId, RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", "saved");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/logistics/plans/" + planId;
	}
}
