package com.linli.aftersales.internal.complaints.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.aftersales.ComplaintId;
import com.linli.aftersales.ComplaintManagement;
import com.linli.aftersales.ComplaintStatus;
import com.linli.aftersales.ComplaintSubject;
import com.linli.aftersales.internal.complaints.ComplaintQueries;
import com.linli.aftersales.internal.complaints.RegionStaff;
import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;
import com.linli.shared.export.Spreadsheets;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operators' complaint desk: the list with SLA timers and filters, one complaint, the report, the SLA settings. */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class ComplaintConsolePageController {

	private final ComplaintManagement complaints;

	private final ComplaintQueries queries;

	private final ComplaintViews views;

	private final RegionManagement regions;

	private final RegionStaff staff;

	private final Clock clock;

	private final com.linli.ordering.OrderManagement orders;

	ComplaintConsolePageController(ComplaintManagement complaints, ComplaintQueries queries, ComplaintViews views,
			RegionManagement regions, RegionStaff staff, Clock clock, com.linli.ordering.OrderManagement orders) {
		this.orders = orders;
		this.complaints = complaints;
		this.queries = queries;
		this.views = views;
		this.regions = regions;
		this.staff = staff;
		this.clock = clock;
	}

	@GetMapping("/console/complaints")
	String desk(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) ComplaintStatus status, @RequestParam(required = false) ComplaintSubject subject,
			@RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "false") boolean overdue,
			Model model) {
		var now = clock.instant();
		Long assigneeId = "mine".equals(assignee) ? actor.accountIdOrNull() : null;
		Boolean unassigned = "none".equals(assignee) ? Boolean.TRUE : null;
		model.addAttribute("rows", queries.search(actor,
				new ComplaintQueries.Filter(regionId, status, subject, assigneeId, unassigned, overdue ? Boolean.TRUE : null),
				now, 300).stream().map(c -> views.of(c, now, false, "/console/complaints")).toList());
		model.addAttribute("regions", myRegions(actor));
		model.addAttribute("regionNames", regionNames());
		model.addAttribute("regionId", regionId);
		model.addAttribute("status", status);
		model.addAttribute("subject", subject);
		model.addAttribute("assignee", assignee);
		model.addAttribute("overdue", overdue);
		model.addAttribute("statuses", ComplaintStatus.values());
		model.addAttribute("subjects", ComplaintSubject.values());
		return "aftersales/complaints-console";
	}

	@GetMapping("/console/complaints/{id}")
	String detail(Actor actor, @PathVariable long id, Model model) {
		var c = complaints.loadForStaff(actor, new ComplaintId(id));
		model.addAttribute("c", views.of(c, clock.instant(), true, "/console/complaints"));
		model.addAttribute("operators", staff.operatorsOf(c.regionId()));
		model.addAttribute("regionName", regionNames().get(c.regionId()));
		model.addAttribute("orderNo", c.orderId() == null ? null
				: orders.find(new com.linli.ordering.OrderId(c.orderId())).map(o -> o.orderNo()).orElse(null));
		return "aftersales/complaints-console-detail";
	}

	@PostMapping("/console/complaints/{id}/reply")
	String reply(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String text,
			RedirectAttributes redirect) {
		complaints.loadForStaff(actor, new ComplaintId(id));
		return act(redirect, id, () -> complaints.reply(actor, new ComplaintId(id), text));
	}

	@PostMapping("/console/complaints/{id}/assign")
	String assign(Actor actor, @PathVariable long id, @RequestParam(required = false) Long assigneeId,
			RedirectAttributes redirect) {
		return act(redirect, id, () -> complaints.assign(actor, new ComplaintId(id), assigneeId));
	}

	@PostMapping("/console/complaints/{id}/resolve")
	String resolve(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String summary,
			RedirectAttributes redirect) {
		return act(redirect, id, () -> complaints.resolve(actor, new ComplaintId(id), summary));
	}

	private static String act(RedirectAttributes redirect, long id, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", true);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/complaints/" + id;
	}

	// ---- settings ------------------------------------------------------------------------------------------

	@GetMapping("/console/complaints/settings")
	String settings(Actor actor, @RequestParam(required = false) Long regionId, Model model) {
		List<Region> mine = myRegions(actor);
		Long region = regionId != null ? regionId : mine.isEmpty() ? null : mine.get(0).id().value();
		model.addAttribute("regions", mine);
		model.addAttribute("regionId", region);
		if (region != null) {
			model.addAttribute("settings", complaints.settings(actor, new RegionId(region)));
			model.addAttribute("operators", staff.operatorsOf(region));
		}
		return "aftersales/complaints-settings";
	}

	@PostMapping("/console/complaints/settings")
	String saveSettings(Actor actor, @RequestParam long regionId, @RequestParam(defaultValue = "0") int firstResponseMinutes,
			@RequestParam(defaultValue = "0") int resolutionHours, @RequestParam(required = false) Long supervisorId,
			RedirectAttributes redirect) {
		try {
			complaints.updateSettings(actor, new RegionId(regionId), firstResponseMinutes, resolutionHours, supervisorId);
			redirect.addFlashAttribute("notice", true);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/complaints/settings?regionId=" + regionId;
	}

	// ---- the report ----------------------------------------------------------------------------------------

	@GetMapping("/console/complaints/report")
	String report(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		var r = ComplaintAdminRestController.report(actor, regionId, from, to, queries, clock);
		model.addAttribute("r", r);
		model.addAttribute("regions", myRegions(actor));
		model.addAttribute("regionId", regionId);
		model.addAttribute("chartDays", r.perDay().keySet().stream().map(LocalDate::toString).toList());
		model.addAttribute("chartCounts", r.perDay().values());
		return "aftersales/complaints-report";
	}

	@GetMapping("/console/complaints/report.xlsx")
	ResponseEntity<byte[]> reportExcel(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		var r = ComplaintAdminRestController.report(actor, regionId, from, to, queries, clock);
		byte[] body = Spreadsheets.write(wb -> {
			var summary = wb.newWorksheet(Spreadsheets.sheetName(t("aftersales.complaints.report.summary")));
			Spreadsheets.header(summary, 0, t("aftersales.complaints.report.figure"), t("aftersales.complaints.report.value"));
			Object[][] rows = { { t("aftersales.complaints.report.range"), r.from() + " – " + r.to() },
					{ t("aftersales.complaints.report.filed"), r.filed() },
					{ t("aftersales.complaints.report.firstResponse"), pct(r.firstResponsePercent()) },
					{ t("aftersales.complaints.report.firstResponseCount"), r.firstResponseKept() + " / " + r.firstResponseDecided() },
					{ t("aftersales.complaints.report.resolution"), pct(r.resolutionPercent()) },
					{ t("aftersales.complaints.report.resolutionCount"), r.resolutionKept() + " / " + r.resolutionDecided() },
					{ t("aftersales.complaints.report.satisfaction"), r.averageSatisfaction() == null ? "—" : r.averageSatisfaction() },
					{ t("aftersales.complaints.report.rated"), r.rated() } };
			for (int i = 0; i < rows.length; i++) {
				summary.value(i + 1, 0, String.valueOf(rows[i][0]));
				if (rows[i][1] instanceof Number n) {
					summary.value(i + 1, 1, n);
				}
				else {
					summary.value(i + 1, 1, String.valueOf(rows[i][1]));
				}
			}
			Spreadsheets.widths(summary, 28, 24);
			var days = wb.newWorksheet(Spreadsheets.sheetName(t("aftersales.complaints.report.perDay")));
			Spreadsheets.header(days, 0, t("aftersales.complaints.report.day"), t("aftersales.complaints.report.filed"));
			int row = 1;
			for (var e : r.perDay().entrySet()) {
				days.value(row, 0, e.getKey().toString());
				days.value(row++, 1, e.getValue());
			}
			Spreadsheets.widths(days, 14, 10);
			var subjects = wb.newWorksheet(Spreadsheets.sheetName(t("aftersales.complaints.report.bySubject")));
			Spreadsheets.header(subjects, 0, t("aftersales.complaints.col.subject"), t("aftersales.complaints.report.filed"));
			row = 1;
			for (var e : r.bySubject().entrySet()) {
				subjects.value(row, 0, t("aftersales.complaints.subject." + e.getKey()));
				subjects.value(row++, 1, e.getValue());
			}
			Spreadsheets.widths(subjects, 14, 10);
		});
		return Spreadsheets.file(body, "complaints-" + r.from() + "-" + r.to() + ".xlsx", Spreadsheets.XLSX);
	}

	private static String pct(Double p) {
		return p == null ? "—" : p + "%";
	}

	private static String t(String key) {
		return Text.of(key).inReadersLanguage();
	}

	private List<Region> myRegions(Actor actor) {
		return regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
	}

	private Map<Long, String> regionNames() {
		Map<Long, String> names = new LinkedHashMap<>();
		regions.regions().forEach(r -> names.put(r.id().value(), r.name()));
		return names;
	}
}
