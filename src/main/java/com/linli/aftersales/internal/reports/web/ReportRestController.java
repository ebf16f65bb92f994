package com.linli.aftersales.internal.reports.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.linli.aftersales.internal.reports.QualityAlerts;
import com.linli.aftersales.internal.reports.RefundFigures;
import com.linli.aftersales.internal.reports.RefundReports;
import com.linli.aftersales.internal.reports.RefundWorkbook;
import com.linli.aftersales.internal.reports.web.ReportViews.CheckView;
import com.linli.aftersales.internal.reports.web.ReportViews.ReportView;
import com.linli.aftersales.internal.reports.web.ReportViews.RowView;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;
import com.linli.shared.export.Spreadsheets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** After-sales refund reports and the daily quality alert, for staff of the region. */
@RestController
@RequestMapping("/api/admin/aftersales")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "aftersales reports", description = "售后报表: refund figures and rates by product, supplier, leader, reason "
		+ "and day; the daily quality alert (staff of the region)")
class ReportRestController {

	private final RefundReports reports;

	private final QualityAlerts alerts;

	private final RegionManagement regions;

	private final MessageSource messages;

	private final Clock clock;

	ReportRestController(RefundReports reports, QualityAlerts alerts, RegionManagement regions, MessageSource messages,
			Clock clock) {
		this.reports = reports;
		this.alerts = alerts;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	private RefundFigures figures(Actor actor, Long regionId, LocalDate from, LocalDate to) {
		if (regionId == null) {
			throw new InvalidInputException("regionId", Text.of("aftersales.problem.reportRegionRequired"));
		}
		actor.checkRegion(regionId);
		LocalDate[] period = ReportViews.period(regions, clock, regionId, from, to);
		return reports.report(actor, new RegionId(regionId), period[0], period[1]);
	}

	@GetMapping("/reports")
	@Operation(summary = "The refund report of a region and a period",
			description = "Requests count by the day submitted (region's zone), units sold and paid by the orders' pickup "
					+ "date. unitRate = after-sales units ÷ units picked up; amountRate = refunded ÷ paid (fractions). "
					+ "Rejected and withdrawn requests count apart and not in rates. Period defaults to the last 28 days "
					+ "(today included), at most 366 days. 400 without regionId or for a bad period; 403 outside the "
					+ "operator's regions.")
	ReportView report(Actor actor, @RequestParam(required = false) Long regionId,
			@Parameter(description = "first day (yyyy-MM-dd)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "last day, included") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return ReportView.of(figures(actor, regionId, from, to));
	}

	@GetMapping("/reports/products")
	@Operation(summary = "The report's table by product (SKU)", description = "As /reports, one row per SKU with requests.")
	List<RowView> products(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return RowView.of(figures(actor, regionId, from, to).products());
	}

	@GetMapping("/reports/suppliers")
	@Operation(summary = "The report's table by supplier", description = "Requests by the supplier the goods came from; "
			+ "units sold of the SKUs whose product the supplier supplies by default. Key 0: no supplier known.")
	List<RowView> suppliers(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return RowView.of(figures(actor, regionId, from, to).suppliers());
	}

	@GetMapping("/reports/leaders")
	@Operation(summary = "The report's table by leader (pickup point)", description = "name: the pickup point; detail: "
			+ "the name of who keeps it now, if anyone.")
	List<RowView> leaders(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return RowView.of(figures(actor, regionId, from, to).leaders());
	}

	@GetMapping("/reports/reasons")
	@Operation(summary = "The report's table by reason", description = "Rates over everything sold in the region.")
	List<RowView> reasons(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return RowView.of(figures(actor, regionId, from, to).reasons());
	}

	@GetMapping("/reports/days")
	@Operation(summary = "The report's daily series", description = "Every day of the period, with or without requests.")
	List<RowView> days(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return RowView.of(figures(actor, regionId, from, to).days());
	}

	@GetMapping("/reports.xlsx")
	@Operation(summary = "The report as an Excel workbook", description = "One sheet per table: products, suppliers, "
			+ "leaders, reasons, days.")
	ResponseEntity<byte[]> workbook(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		RefundFigures f = figures(actor, regionId, from, to);
		return Spreadsheets.file(RefundWorkbook.write(f, messages, LocaleContextHolder.getLocale()),
				"aftersales-" + f.regionName() + "-" + f.from() + "-" + f.to() + ".xlsx", Spreadsheets.XLSX);
	}

	@GetMapping("/quality-alerts")
	@Operation(summary = "The quality alerts of a region", description = "Days in [from, to] (default: the last 28), "
			+ "latest first. 403 outside the operator's regions.")
	List<QualityAlerts.Alert> qualityAlerts(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		if (regionId == null) {
			throw new InvalidInputException("regionId", Text.of("aftersales.problem.reportRegionRequired"));
		}
		actor.checkRegion(regionId);
		LocalDate[] period = ReportViews.period(regions, clock, regionId, from, to);
		return alerts.list(actor, new RegionId(regionId), period[0], period[1]);
	}

	/** A check of a day: one region, or without it every region the caller manages. */
	record CheckRequest(Long regionId, @NotNull LocalDate day) {
	}

	@PostMapping("/quality-alerts/checks")
	@Operation(summary = "Run the daily quality check now, for a day",
			description = "The same check as the 07:00 job: alerts once per region, SKU and day (a rerun raises "
					+ "nothing new). ran=false when another run holds the lock. 403 for a region the operator does not "
					+ "manage.")
	CheckView check(Actor actor, @Valid @RequestBody CheckRequest request) {
		var check = alerts.check(actor, request.day(), request.regionId() == null ? null : new RegionId(request.regionId()));
		return check.map(c -> new CheckView(c.day(), true, c.regions(), c.raised()))
			.orElseGet(() -> new CheckView(request.day(), false, 0, List.of()));
	}
}
