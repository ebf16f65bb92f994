package com.linli.aftersales.internal.requests.web;

import org.springframework.http.CacheControl;
import com.linli.shared.web.UploadedImages;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.linli.aftersales.AfterSalesManagement;
import com.linli.aftersales.AfterSalesRuleManagement;
import com.linli.aftersales.AfterSalesRequestId;
import com.linli.aftersales.RequestKind;
import com.linli.aftersales.RequestReason;
import com.linli.aftersales.RequestStatus;
import com.linli.aftersales.internal.requests.RequestDetails;
import com.linli.identity.Actor;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operators' after-sales queue of their regions: filter, read, approve, reject, ask; quick-refund settings. */
@RestController
@RequestMapping("/api/admin/aftersales")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "after-sales (staff)", description = "The after-sales queue of my regions and the quick-refund rule")
class StaffRequestRestController {

	private final AfterSalesManagement requests;

	private final AfterSalesRuleManagement rules;

	private final ZoneId zone;

	StaffRequestRestController(AfterSalesManagement requests, AfterSalesRuleManagement rules, @Value("${linli.zone:Asia/Shanghai}") String zone) {
		this.requests = requests;
		this.rules = rules;
		this.zone = ZoneId.of(zone);
	}

	record Queue(Map<RequestStatus, Long> counts, List<RequestResponse> requests) {
	}

	@GetMapping("/requests")
	@Operation(summary = "Requests of my regions (or one), newest first, with counts per status; filters status, kind, "
			+ "reason, from and to (submission dates, to exclusive)")
	Queue list(@RequestParam(required = false) Long regionId, @RequestParam(required = false) String status,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "100") int limit, Actor actor) {
		if (limit < 1 || limit > 500) {
			throw new InvalidInputException("limit", Text.of("aftersales.problem.limitRange", 500));
		}
		var list = requests.queue(actor, regionId,
				status == null || status.isBlank() ? null : Uploads.parse(RequestStatus.class, status, "status"),
				Uploads.kind(kind), Uploads.reason(reason), from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.atStartOfDay(zone).toInstant(), limit);
		return new Queue(requests.counts(actor, regionId), list.stream().map(RequestResponse::of).toList());
	}

	@GetMapping("/requests/{id}")
	@Operation(summary = "One request with its photos and thread")
	RequestResponse one(@PathVariable long id, Actor actor) {
		return RequestResponse.of(requests.view(actor, new AfterSalesRequestId(id)));
	}

	@PostMapping("/requests/{id}/approve")
	@Operation(summary = "Approve: a refund only is refunded at once; a return waits for the leader to collect the goods")
	RequestResponse approve(@PathVariable long id, Actor actor) {
		requests.approve(actor, new AfterSalesRequestId(id));
		return RequestResponse.of(requests.view(actor, new AfterSalesRequestId(id)));
	}

	record Note(String reason, String question) {
	}

	@PostMapping("/requests/{id}/reject")
	@Operation(summary = "Reject with a reason (1–300 characters); no money moves")
	RequestResponse reject(@PathVariable long id, @RequestBody Note body, Actor actor) {
		requests.reject(actor, new AfterSalesRequestId(id), body.reason());
		return RequestResponse.of(requests.view(actor, new AfterSalesRequestId(id)));
	}

	@PostMapping("/requests/{id}/ask")
	@Operation(summary = "Ask the resident for more (a question of 1–300 characters)")
	RequestResponse ask(@PathVariable long id, @RequestBody Note body, Actor actor) {
		requests.askForInfo(actor, new AfterSalesRequestId(id), body.question());
		return RequestResponse.of(requests.view(actor, new AfterSalesRequestId(id)));
	}

	@GetMapping("/requests/{id}/photos/{photoId}")
	@Operation(summary = "A photo of a request of my regions")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, Actor actor) {
		return UploadedImages.served(requests.photo(actor, new AfterSalesRequestId(id), photoId), CacheControl.noStore());
	}

	record Window(Integer hours) {
	}

	@GetMapping("/windows")
	@Operation(summary = "The after-sales windows set per category (category id → hours after pickup); any other "
			+ "category: 48 hours for fresh SKUs (chilled, frozen or keeping at most 7 days), 7 days otherwise")
	Map<Long, Integer> windows() {
		return rules.windows();
	}

	@PutMapping("/windows/{categoryId}")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@Operation(summary = "Set a category's after-sales window in hours after pickup (1–2160), platform-wide")
	Map<Long, Integer> setWindow(@PathVariable long categoryId, @RequestBody Window body, Actor actor) {
		rules.setWindow(actor, categoryId, body.hours());
		return rules.windows();
	}

	record Setting(Boolean enabled, Long maxFen, Integer maxRateBasisPoints) {

		static Setting of(RequestDetails.QuickRefundSetting s) {
			return new Setting(s.enabled(), s.maxFen(), s.maxRateBasisPoints());
		}
	}

	@GetMapping("/settings/{regionId}")
	@Operation(summary = "The region's quick-refund rule (极速退款): enabled, amount limit, 90-day refund-rate limit")
	Setting setting(@PathVariable long regionId, Actor actor) {
		return Setting.of(rules.quickRefundSetting(actor, regionId));
	}

	@PutMapping("/settings/{regionId}")
	@Operation(summary = "Set the region's quick-refund rule")
	Setting setSetting(@PathVariable long regionId, @RequestBody Setting body, Actor actor) {
		return Setting.of(rules.setQuickRefund(actor, regionId, body.enabled(), body.maxFen(),
				body.maxRateBasisPoints()));
	}
}
