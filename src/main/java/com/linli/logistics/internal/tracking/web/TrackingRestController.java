package com.linli.logistics.internal.tracking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.logistics.RouteExecution;
import com.linli.logistics.TrackedRoute;
import com.linli.logistics.TrackingManagement;
import com.linli.shared.web.UploadedImages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The live tracking board of a morning for staff of the region: routes, progress, ETAs, late stops, exceptions. */
@RestController
@RequestMapping("/api/admin/logistics/tracking")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
@Tag(name = "logistics tracking", description = "The morning's routes live: progress, estimated arrivals, window alerts")
class TrackingRestController {

	private final TrackingManagement tracking;

	private final RouteExecution execution;

	private final Clock clock;

	TrackingRestController(TrackingManagement tracking, RouteExecution execution, Clock clock) {
		this.tracking = tracking;
		this.execution = execution;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Every route of a pickup date's morning (default today) in my regions, or in one region")
	List<TrackedRoute> board(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) Long regionId, Actor actor) {
		return tracking.board(date == null ? LocalDate.now(clock) : date, regionId, actor);
	}

	@GetMapping("/exceptions/{exceptionId}/photo")
	@Operation(summary = "The photo of an exception a driver reported")
	ResponseEntity<byte[]> photo(@PathVariable long exceptionId, Actor actor) {
		return UploadedImages.served(execution.exceptionPhoto(exceptionId, actor), CacheControl.noStore());
	}
}
