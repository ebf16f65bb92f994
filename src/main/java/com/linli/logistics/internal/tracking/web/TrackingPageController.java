package com.linli.logistics.internal.tracking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.logistics.RouteException;
import com.linli.logistics.StopEta;
import com.linli.logistics.TrackedRoute;
import com.linli.logistics.TrackingManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's live tracking board of a morning (date picker, default today; the staff member's regions): every
 * route with its driver, vehicle, status, progress and last position, the estimate of each stop still to come and
 * whether it will miss its window, and the alerts (late stops, exceptions). Refreshed by htmx every 30 seconds.
 */
@Controller
class TrackingPageController {

	private final TrackingManagement tracking;

	private final Clock clock;

	TrackingPageController(TrackingManagement tracking, Clock clock) {
		this.tracking = tracking;
		this.clock = clock;
	}

	/** A late stop or an exception, for the alerts list. */
	record Alert(TrackedRoute route, StopEta lateStop, RouteException exception) {
	}

	@GetMapping("/console/logistics/tracking")
	String board(@RequestParam(required = false) String date, @RequestParam(required = false) Long regionId, Model model,
			Actor actor) {
		show(date, regionId, model, actor);
		return "logistics/tracking-board";
	}

	@GetMapping("/console/logistics/tracking/board")
	String boardOnly(@RequestParam(required = false) String date, @RequestParam(required = false) Long regionId,
			Model model, Actor actor) {
		show(date, regionId, model, actor);
		return "logistics/tracking-board :: board";
	}

	private void show(String date, Long regionId, Model model, Actor actor) {
		LocalDate today = LocalDate.now(clock);
		LocalDate day = today;
		if (date != null && !date.isBlank()) {
			try {
				day = LocalDate.parse(date.strip());
			}
			catch (DateTimeParseException e) {
				day = today;
			}
		}
		List<TrackedRoute> routes = tracking.board(day, regionId, actor);
		List<Alert> alerts = new ArrayList<>();
		for (TrackedRoute r : routes) {
			r.stops().stream().filter(StopEta::willMissWindow).forEach(s -> alerts.add(new Alert(r, s, null)));
			r.exceptions().forEach(e -> alerts.add(new Alert(r, null, e)));
		}
		model.addAttribute("day", day);
		model.addAttribute("regionId", regionId);
		model.addAttribute("routes", routes);
		model.addAttribute("alerts", alerts);
		model.addAttribute("now", clock.instant());
	}
}
