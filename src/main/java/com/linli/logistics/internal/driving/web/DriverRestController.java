package com.linli.logistics.internal.driving.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.logistics.PlannedRoute;
import com.linli.logistics.PlannedStop;
import com.linli.logistics.RouteException;
import com.linli.logistics.RouteExecution;
import com.linli.logistics.RouteExecution.Photo;
import com.linli.logistics.RouteExecution.RouteView;
import com.linli.logistics.RoutePosition;
import com.linli.shared.web.UploadedImages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The driver's morning through the API (the phone page uses the same service): the routes of a pickup date,
 * departure, arrival, hand-over, a skipped stop, exceptions with a photo, and the phone's positions. A driver acts
 * on their own routes only (403 otherwise); operators of the region may act too.
 */
@RestController
@RequestMapping("/api/driver")
@PreAuthorize("hasAnyRole('DRIVER', 'OPERATOR', 'PLATFORM_ADMIN')")
@Tag(name = "driver", description = "The driver's routes: departure, arrival, hand-over, skip, exceptions, positions")
class DriverRestController {

	private final RouteExecution execution;

	private final Clock clock;

	DriverRestController(RouteExecution execution, Clock clock) {
		this.execution = execution;
		this.clock = clock;
	}

	record SkipRequest(String reason) {
	}

	record PositionRequest(Double latitude, Double longitude, Double accuracy) {
	}

	@GetMapping("/routes")
	@Operation(summary = "My routes of a pickup date (default today): stops in order, load, positions, exceptions")
	List<RouteView> routes(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Actor actor) {
		return execution.myRoutes(date == null ? LocalDate.now(clock) : date, actor);
	}

	@GetMapping("/routes/{routeId}")
	@Operation(summary = "One of my routes")
	RouteView route(@PathVariable long routeId, Actor actor) {
		return execution.view(routeId, actor);
	}

	@PostMapping("/routes/{routeId}/depart")
	@Operation(summary = "出发: the route leaves its grid warehouse (the first truck dispatches the warehouse's orders)")
	PlannedRoute depart(@PathVariable long routeId, Actor actor) {
		return execution.depart(routeId, actor);
	}

	@PostMapping("/routes/{routeId}/stops/{stopId}/arrive")
	@Operation(summary = "到达: the driver is at the stop (the route must have left)")
	PlannedStop arrive(@PathVariable long routeId, @PathVariable long stopId, Actor actor) {
		return execution.arrive(routeId, stopId, actor);
	}

	@PostMapping("/routes/{routeId}/stops/{stopId}/handover")
	@Operation(summary = "交接: the stop's goods are with the leader (once; the leader's receipt follows)")
	PlannedStop handOver(@PathVariable long routeId, @PathVariable long stopId, Actor actor) {
		return execution.handOver(routeId, stopId, actor);
	}

	@PostMapping("/routes/{routeId}/stops/{stopId}/skip")
	@Operation(summary = "跳过: the stop is not served this morning, with the reason (required, at most 200 characters)")
	PlannedStop skip(@PathVariable long routeId, @PathVariable long stopId, @RequestBody SkipRequest request,
			Actor actor) {
		return execution.skip(routeId, stopId, request.reason(), actor);
	}

	@PostMapping("/routes/{routeId}/exceptions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "上报异常: LATE, VEHICLE, DAMAGED_GOODS or OTHER with a reason and an optional JPEG/PNG photo")
	RouteException report(@PathVariable long routeId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Long stopId,
			@RequestParam(required = false) MultipartFile photo, Actor actor) {
		return execution.reportException(routeId, stopId, kind, reason, photo(photo), actor);
	}

	@GetMapping("/exceptions/{exceptionId}/photo")
	@Operation(summary = "The photo of an exception")
	ResponseEntity<byte[]> photo(@PathVariable long exceptionId, Actor actor) {
		return UploadedImages.served(execution.exceptionPhoto(exceptionId, actor), CacheControl.noStore());
	}

	@PostMapping("/routes/{routeId}/positions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A position of the driver's phone (latitude, longitude, accuracy in metres), while on the way")
	RoutePosition position(@PathVariable long routeId, @RequestBody PositionRequest request, Actor actor) {
		return execution.position(routeId, request.latitude(), request.longitude(), request.accuracy(), actor);
	}

	static Photo photo(MultipartFile file) {
		if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty()))) {
			return null;
		}
		try {
			return new Photo(file.getContentType(), file.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
