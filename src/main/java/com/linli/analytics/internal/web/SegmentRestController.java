package com.linli.analytics.internal.web;

import java.time.LocalDate;
import java.util.List;

import com.linli.analytics.internal.cohorts.CohortManagement;
import com.linli.analytics.internal.rfm.Segment;
import com.linli.analytics.internal.rfm.SegmentManagement;
import com.linli.analytics.internal.rfm.SegmentManagement.Member;
import com.linli.analytics.internal.rfm.SegmentManagement.Overview;
import com.linli.analytics.internal.rfm.SegmentManagement.Push;
import com.linli.analytics.internal.rfm.SegmentManagement.PushKind;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** RFM segments (sizes, value, trend, residents), pushes to a segment, and the cohort retention triangle. */
@RestController
@RequestMapping("/api/analytics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "analytics-segments", description = "RFM segments (RFM 分层), segment pushes and cohort retention (留存)")
class SegmentRestController {

	private final SegmentManagement segments;

	private final CohortManagement cohorts;

	SegmentRestController(SegmentManagement segments, CohortManagement cohorts) {
		this.segments = segments;
		this.cohorts = cohorts;
	}

	@GetMapping("/segments")
	@Operation(summary = "The region's RFM segments as of the latest nightly run: residents, value (paid in 365 days, fen) and a daily trend")
	Overview segments(Actor actor, @RequestParam long regionId, @RequestParam(defaultValue = "90") int days) {
		return segments.overview(actor, new RegionId(regionId), Math.max(1, Math.min(days, 730)));
	}

	@GetMapping("/segments/{segment}/residents")
	@Operation(summary = "The residents of a segment, most valuable first (at most 5,000)")
	List<Member> residents(Actor actor, @PathVariable String segment, @RequestParam long regionId) {
		return segments.residents(actor, new RegionId(regionId), Segment.parse(segment));
	}

	record PushRequest(@NotNull Long regionId, @NotNull PushKind kind, Long couponTemplateId, String text,
			String clientKey) {
	}

	@PostMapping("/segments/{segment}/push")
	@Operation(summary = "Push a coupon (couponTemplateId) or a message (text) to every resident of the segment; "
			+ "once per client key (body clientKey or header Idempotency-Key)")
	Push push(Actor actor, @PathVariable String segment, @RequestBody @jakarta.validation.Valid PushRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		String key = request.clientKey() != null ? request.clientKey() : idempotencyKey;
		return segments.push(actor, new RegionId(request.regionId()), Segment.parse(segment), request.kind(),
				request.couponTemplateId(), request.text(), key);
	}

	@GetMapping("/segments/pushes")
	@Operation(summary = "The region's segment pushes, newest first")
	List<Push> pushes(Actor actor, @RequestParam long regionId) {
		return segments.pushes(actor, new RegionId(regionId));
	}

	@GetMapping("/cohorts")
	@Operation(summary = "Retention by first-order week: for each cohort week, residents and how many ordered in week +1, +2, ...")
	CohortManagement.Triangle cohorts(Actor actor, @RequestParam long regionId,
			@RequestParam(defaultValue = "12") int weeks,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
		return cohorts.triangle(actor, new RegionId(regionId), weeks, until);
	}
}
