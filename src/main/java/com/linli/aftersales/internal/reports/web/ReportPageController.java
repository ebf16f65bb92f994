package com.linli.aftersales.internal.reports.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import com.linli.aftersales.internal.reports.QualityAlerts;
import com.linli.aftersales.internal.reports.RefundFigures;
import com.linli.aftersales.internal.reports.RefundReports;
import com.linli.aftersales.internal.reports.RefundWorkbook;
import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.export.Spreadsheets;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's after-sales reports: filters, tiles, charts, tables, the quality alerts and the Excel export. */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class ReportPageController {

	private final RefundReports reports;

	private final QualityAlerts alerts;

	private final RegionManagement regions;

	private final MessageSource messages;

	private final Clock clock;

	ReportPageController(RefundReports reports, QualityAlerts alerts, RegionManagement regions, MessageSource messages,
			Clock clock) {
		this.reports = reports;
		this.alerts = alerts;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	private List<Region> mine(Actor actor) {
		return regions.regions().stream().filter(r -> r.active() && actor.worksIn(r.id().value()))
			.sorted(Comparator.comparing(r -> r.id().value())).toList();
	}

	private Long regionOr(Actor actor, Long regionId) {
		if (regionId != null) {
			actor.checkRegion(regionId);
			return regionId;
		}
		return mine(actor).stream().findFirst().map(r -> r.id().value()).orElse(null);
	}

	@GetMapping("/console/aftersales/reports")
	String page(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		Long region = regionOr(actor, regionId);
		LocalDate[] period = ReportViews.period(regions, clock, region, from, to);
		model.addAttribute("regions", mine(actor));
		model.addAttribute("regionId", region);
		model.addAttribute("from", period[0]);
		model.addAttribute("to", period[1]);
		model.addAttribute("yesterday", LocalDate.now(clock).minusDays(1));
		if (region == null) {
			return "aftersales/reports-page"; // no region yet: the filters alone
		}
		try {
			RefundFigures report = reports.report(actor, new RegionId(region), period[0], period[1]);
			model.addAttribute("report", report);
			model.addAttribute("alerts", alerts.list(actor, new RegionId(region), period[0], period[1]));
			model.addAttribute("chartDays", report.days().stream().map(RefundFigures.Row::key).toList());
			model.addAttribute("chartRequests", report.days().stream().map(RefundFigures.Row::requests).toList());
			model.addAttribute("chartRefunded", report.days().stream().map(d -> d.refundedFen() / 100.0).toList());
			model.addAttribute("chartReasons", report.reasons().stream().map(RefundFigures.Row::key).toList());
			model.addAttribute("chartReasonRequests", report.reasons().stream().map(RefundFigures.Row::requests).toList());
			model.addAttribute("chartTopNames", report.topProducts().stream().map(RefundFigures.Row::name).toList());
			model.addAttribute("chartTopRates", report.topProducts().stream()
				.map(r -> Math.round(r.unitRate() * 10_000) / 100.0).toList());
		}
		catch (InvalidInputException e) {
			model.addAttribute("failure", e.getMessage());
		}
		return "aftersales/reports-page";
	}

	@GetMapping("/console/aftersales/reports.xlsx")
	ResponseEntity<byte[]> workbook(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Long region = regionOr(actor, regionId);
		if (region == null) {
			throw new AccessDeniedException("no region");
		}
		LocalDate[] period = ReportViews.period(regions, clock, region, from, to);
		RefundFigures f = reports.report(actor, new RegionId(region), period[0], period[1]);
		return Spreadsheets.file(RefundWorkbook.write(f, messages, LocaleContextHolder.getLocale()),
				"aftersales-" + f.regionName() + "-" + f.from() + "-" + f.to() + ".xlsx", Spreadsheets.XLSX);
	}

	@PostMapping("/console/aftersales/reports/check")
	String check(Actor actor, @RequestParam Long regionId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
		try {
			var check = alerts.check(actor, day, new RegionId(regionId));
			redirect.addFlashAttribute("checked", check.map(c -> c.raised().size()).orElse(-1));
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		redirect.addAttribute("regionId", regionId);
		return "redirect:/console/aftersales/reports";
	}
}
