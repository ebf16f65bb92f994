package com.linli.aftersales.internal.complaints.web;

import java.time.Clock;
import java.util.List;

import com.linli.aftersales.ComplaintId;
import com.linli.aftersales.ComplaintManagement;
import com.linli.aftersales.ComplaintStatus;
import com.linli.aftersales.ComplaintSubject;
import com.linli.aftersales.internal.complaints.ComplaintQueries;
import com.linli.aftersales.internal.complaints.Complaints.Settings;
import com.linli.aftersales.internal.complaints.web.ComplaintViews.ComplaintView;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The complaint desk for staff (in their regions): list with filters, one with its thread, reply, assign, resolve; SLA settings. */
@RestController
@RequestMapping("/api/admin/aftersales")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "complaint desk", description = "投诉处理: staff work their regions' complaints against the SLA clocks")
class ComplaintAdminRestController {

	private final ComplaintManagement complaints;

	private final ComplaintQueries queries;

	private final ComplaintViews views;

	private final Clock clock;

	ComplaintAdminRestController(ComplaintManagement complaints, ComplaintQueries queries, ComplaintViews views,
			Clock clock) {
		this.complaints = complaints;
		this.queries = queries;
		this.views = views;
		this.clock = clock;
	}

	@GetMapping("/complaints")
	@Operation(summary = "Complaints of the caller's regions", description = "Filters: regionId (403 outside the caller's "
			+ "regions), status, subject, assigneeId, unassigned, overdue (a running clock past due). Open ones first, "
			+ "by the nearest due time; each with its timer (minutes left, negative when overdue).")
	List<ComplaintView> list(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) ComplaintStatus status, @RequestParam(required = false) ComplaintSubject subject,
			@RequestParam(required = false) Long assigneeId, @RequestParam(required = false) Boolean unassigned,
			@RequestParam(required = false) Boolean overdue) {
		var now = clock.instant();
		return queries.search(actor, new ComplaintQueries.Filter(regionId, status, subject, assigneeId, unassigned, overdue),
				now, 500).stream().map(c -> views.of(c, now, false, "/console/complaints")).toList();
	}

	@GetMapping("/complaints/{id}")
	@Operation(summary = "One complaint with its thread (403 outside the caller's regions)")
	ComplaintView one(Actor actor, @PathVariable long id) {
		return views.of(complaints.loadForStaff(actor, new ComplaintId(id)), clock.instant(), true, "/console/complaints");
	}

	record Reply(String text) {
	}

	@PostMapping("/complaints/{id}/replies")
	@Operation(summary = "Answer in the thread", description = "The first answer stops the first-response clock: OPEN "
			+ "(or ESCALATED) becomes RESPONDED. An unassigned complaint goes to the operator who answers.")
	ComplaintView reply(Actor actor, @PathVariable long id, @RequestBody Reply r) {
		complaints.loadForStaff(actor, new ComplaintId(id));
		complaints.reply(actor, new ComplaintId(id), r.text());
		return one(actor, id);
	}

	record Assignment(Long assigneeId) {
	}

	@PostMapping("/complaints/{id}/assignment")
	@Operation(summary = "Assign to an operator of its region", description = "assigneeId null: to nobody (every operator "
			+ "of the region sees it); 400 assigneeId when not an operator of the region.")
	ComplaintView assign(Actor actor, @PathVariable long id, @RequestBody Assignment r) {
		complaints.assign(actor, new ComplaintId(id), r.assigneeId());
		return one(actor, id);
	}

	record Resolution(String summary) {
	}

	@PostMapping("/complaints/{id}/resolution")
	@Operation(summary = "Mark resolved with a summary", description = "summary 1–1000 characters; 409 status when "
			+ "already resolved or closed. The resident then rates it.")
	ComplaintView resolve(Actor actor, @PathVariable long id, @RequestBody Resolution r) {
		complaints.resolve(actor, new ComplaintId(id), r.summary());
		return one(actor, id);
	}

	record SettingsView(long regionId, int firstResponseMinutes, int resolutionHours, Long supervisorId, boolean defaults) {

		static SettingsView of(Settings s) {
			return new SettingsView(s.regionId(), s.firstResponseMinutes(), s.resolutionHours(), s.supervisorId(),
					s.defaults());
		}
	}

	record SettingsChange(Integer firstResponseMinutes, Integer resolutionHours, Long supervisorId) {
	}

	@GetMapping("/complaint-settings/{regionId}")
	@Operation(summary = "A region's complaint SLA", description = "First response in minutes (default 120), resolution "
			+ "in hours (default 48), the supervisor (an operator of the region; none: the platform admins).")
	SettingsView settings(Actor actor, @PathVariable long regionId) {
		return SettingsView.of(complaints.settings(actor, new RegionId(regionId)));
	}

	@PutMapping("/complaint-settings/{regionId}")
	@Operation(summary = "Set a region's complaint SLA", description = "firstResponseMinutes 5–10080 and not beyond the "
			+ "resolution; resolutionHours 1–720; supervisorId an operator of the region or null. Applies to complaints "
			+ "filed from now on.")
	SettingsView update(Actor actor, @PathVariable long regionId, @RequestBody SettingsChange r) {
		return SettingsView.of(complaints.updateSettings(actor, new RegionId(regionId),
				r.firstResponseMinutes() == null ? 0 : r.firstResponseMinutes(),
				r.resolutionHours() == null ? 0 : r.resolutionHours(), r.supervisorId()));
	}

	record ReportView(java.time.LocalDate from, java.time.LocalDate to, long filed,
			java.util.Map<java.time.LocalDate, Long> perDay, java.util.Map<ComplaintSubject, Long> bySubject,
			long firstResponseDecided, long firstResponseKept, Double firstResponsePercent, long resolutionDecided,
			long resolutionKept, Double resolutionPercent, long rated, Double averageSatisfaction) {

		static ReportView of(ComplaintQueries.Report r) {
			return new ReportView(r.from(), r.to(), r.filed(), r.perDay(), r.bySubject(), r.firstResponseDecided(),
					r.firstResponseKept(), r.firstResponsePercent(), r.resolutionDecided(), r.resolutionKept(),
					r.resolutionPercent(), r.rated(), r.averageSatisfaction());
		}
	}

	@GetMapping("/complaint-report")
	@Operation(summary = "Complaint figures", description = "Complaints filed from..to (days, default the last 30) in "
			+ "the caller's regions or regionId (403 outside them): volume per day and by subject, SLA compliance (a clock "
			+ "counts once it stopped or ran out; kept when stopped in time and never escalated), average satisfaction.")
	ReportView report(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate to) {
		return ReportView.of(report(actor, regionId, from, to, queries, clock));
	}

	/** The report over a range, defaults filled in (the last 30 days; at most a year). */
	static ComplaintQueries.Report report(Actor actor, Long regionId, java.time.LocalDate from, java.time.LocalDate to,
			ComplaintQueries queries, Clock clock) {
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		java.time.LocalDate end = to == null ? today : to;
		java.time.LocalDate start = from == null ? end.minusDays(29) : from;
		if (start.isAfter(end) || start.plusDays(366).isBefore(end)) {
			throw new com.linli.shared.InvalidInputException("from", com.linli.shared.Text.of("aftersales.complaints.problem.range"));
		}
		return queries.report(actor, regionId, start, end, clock.getZone(), clock.instant());
	}
}
