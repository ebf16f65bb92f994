package com.linli.logistics.internal.performance.web;

import java.time.Clock;
import java.time.LocalDate;

import com.linli.identity.Actor;
import com.linli.logistics.DeliveryPerformance;
import com.linli.logistics.DeliveryPerformanceManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Delivery performance of the caller's regions: on-time rates, costs per crate and order, scorecards, daily report. */
@RestController
@RequestMapping("/api/admin/logistics/performance")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
@Tag(name = "logistics: delivery performance", description = "On-time rates, cost per crate, driver scorecards (配送绩效)")
class DeliveryPerformanceRestController {

	private final DeliveryPerformanceManagement performance;

	private final DeliveryReportExport export;

	private final Clock clock;

	DeliveryPerformanceRestController(DeliveryPerformanceManagement performance, DeliveryReportExport export, Clock clock) {
		this.performance = performance;
		this.export = export;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Figures of the mornings from..to (pickup dates; default the last 7 days) of a grid warehouse, "
			+ "a region or the caller's regions: totals, per route, per driver (scorecards), per grid warehouse, per day")
	DeliveryPerformance performance(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long gridWarehouseId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return of(actor, regionId, gridWarehouseId, from, to, performance, clock);
	}

	@GetMapping("/daily.xlsx")
	@Operation(summary = "The daily report as an Excel workbook (days, late stops, driver scorecards)")
	ResponseEntity<byte[]> daily(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long gridWarehouseId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return export.download(of(actor, regionId, gridWarehouseId, from, to, performance, clock));
	}

	/** The range defaults to the last seven days up to today (the platform's zone). */
	static DeliveryPerformance of(Actor actor, Long regionId, Long gridWarehouseId, LocalDate from, LocalDate to,
			DeliveryPerformanceManagement performance, Clock clock) {
		LocalDate end = to != null ? to : LocalDate.now(clock);
		LocalDate start = from != null ? from : end.minusDays(6);
		return performance.performance(actor, regionId, gridWarehouseId, start, end);
	}
}
