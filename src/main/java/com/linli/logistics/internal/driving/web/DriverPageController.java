package com.linli.logistics.internal.driving.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.logistics.PlannedStop;
import com.linli.logistics.RouteExecution;
import com.linli.logistics.RouteExecution.RouteView;
import com.linli.logistics.RoutePosition;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The driver's phone pages: the routes of the morning (today in the zone, yesterday's one tap away) and a route:
 * stops in order with address, window, planned arrival, crates per zone and orders, a drawing of the route from
 * the coordinates, and the big buttons 出发 / 到达 / 交接 / 跳过 / 上报异常 (htmx; each answers with the route again).
 * The phone posts its position every 30 seconds while the route is on its way.
 */
@Controller
class DriverPageController {

	private final RouteExecution execution;

	private final WarehouseManagement warehouses;

	private final Clock clock;

	DriverPageController(RouteExecution execution, WarehouseManagement warehouses, Clock clock) {
		this.execution = execution;
		this.warehouses = warehouses;
		this.clock = clock;
	}

	@GetMapping("/driver")
	String routes(@RequestParam(required = false) String date, Model model, Actor actor) {
		LocalDate today = LocalDate.now(clock);
		LocalDate day = day(date, today);
		model.addAttribute("day", day);
		model.addAttribute("today", today);
		model.addAttribute("routes", execution.myRoutes(day, actor));
		return "logistics/driver-routes";
	}

	@GetMapping("/driver/routes/{routeId}")
	String route(@PathVariable long routeId, Model model, Actor actor) {
		RouteView view = execution.view(routeId, actor);
		model.addAttribute("v", view);
		model.addAttribute("next", view.next());
		Warehouse warehouse = warehouses.getWarehouse(new WarehouseId(view.plan().gridWarehouseId()));
		model.addAttribute("warehouse", warehouse);
		model.addAttribute("drawing", drawing(view, warehouse));
		return "logistics/driver-route";
	}

	@PostMapping("/driver/routes/{routeId}/depart")
	String depart(@PathVariable long routeId, RedirectAttributes redirect, Actor actor) {
		return act(routeId, redirect, () -> execution.depart(routeId, actor));
	}

	@PostMapping("/driver/routes/{routeId}/stops/{stopId}/arrive")
	String arrive(@PathVariable long routeId, @PathVariable long stopId, RedirectAttributes redirect, Actor actor) {
		return act(routeId, redirect, () -> execution.arrive(routeId, stopId, actor));
	}

	@PostMapping("/driver/routes/{routeId}/stops/{stopId}/handover")
	String handOver(@PathVariable long routeId, @PathVariable long stopId, RedirectAttributes redirect, Actor actor) {
		return act(routeId, redirect, () -> execution.handOver(routeId, stopId, actor));
	}

	@PostMapping("/driver/routes/{routeId}/stops/{stopId}/skip")
	String skip(@PathVariable long routeId, @PathVariable long stopId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect, Actor actor) {
		return act(routeId, redirect, () -> execution.skip(routeId, stopId, reason, actor));
	}

	@PostMapping("/driver/routes/{routeId}/exceptions")
	String report(@PathVariable long routeId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Long stopId,
			@RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect, Actor actor) {
		String done = act(routeId, redirect,
				() -> execution.reportException(routeId, stopId, kind, reason, DriverRestController.photo(photo), actor));
		if (!redirect.getFlashAttributes().containsKey("failure")) {
			redirect.addFlashAttribute("reported", true);
		}
		return done;
	}

	/** The phone's position (the page's geolocation watch, throttled); 204, or the refusal's status. */
	@PostMapping("/driver/routes/{routeId}/positions")
	ResponseEntity<Void> position(@PathVariable long routeId, @RequestParam(required = false) Double latitude,
			@RequestParam(required = false) Double longitude, @RequestParam(required = false) Double accuracy,
			Actor actor) {
		try {
			execution.position(routeId, latitude, longitude, accuracy, actor);
			return ResponseEntity.noContent().build();
		}
		catch (InvalidInputException e) {
			return ResponseEntity.badRequest().build();
		}
		catch (BusinessRuleException e) {
			return ResponseEntity.status(409).build();
		}
	}

	private String act(long routeId, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
		}
		catch (BusinessRuleException | NotFoundException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/driver/routes/" + routeId;
	}

	/** The points of the drawing: the warehouse (0), the stops by number, the last position, as [lon, lat, label]. */
	static Map<String, Object> drawing(RouteView view, Warehouse warehouse) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("warehouse", List.of(warehouse.longitude(), warehouse.latitude()));
		List<Map<String, Object>> stops = new ArrayList<>();
		for (PlannedStop s : view.stops()) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("seq", s.seq());
			p.put("name", s.pickupPointName());
			p.put("lon", s.longitude());
			p.put("lat", s.latitude());
			p.put("status", s.status().name());
			stops.add(p);
		}
		d.put("stops", stops);
		RoutePosition last = view.positions().isEmpty() ? null : view.positions().get(0);
		d.put("last", last == null ? null : List.of(last.longitude(), last.latitude()));
		return d;
	}

	private static LocalDate day(String date, LocalDate today) {
		if (date == null || date.isBlank()) {
			return today;
		}
		try {
			return LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException e) {
			return today;
		}
	}
}
