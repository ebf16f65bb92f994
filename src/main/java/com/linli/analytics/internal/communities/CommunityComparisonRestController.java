package com.linli.analytics.internal.communities;

import java.time.LocalDate;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.network.CommunityProfile;
import com.linli.network.RegionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Community comparison and the communities' age mix, for the operators of the region. */
@RestController
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "analytics", description = "Funnels, product and selection analysis, community comparison")
class CommunityComparisonRestController {

	private final CommunityComparison comparison;

	private final java.time.Clock clock;

	CommunityComparisonRestController(CommunityComparison comparison, java.time.Clock clock) {
		this.comparison = comparison;
		this.clock = clock;
	}

	@GetMapping("/api/analytics/communities")
	@Operation(summary = "Per pickup point and its community: penetration (ordering residents ÷ households), average "
			+ "order value, frequency (orders per ordering resident), category mix, growth of the paid amount against "
			+ "the period of the same length before; highest penetration first",
			description = "Paid, not cancelled orders by pickup date (both inclusive, by default the last 30 days), net of "
					+ "refunds; money in fen.")
	List<Comparison.Row> compare(Actor actor, @RequestParam long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
		var end = to != null ? to : LocalDate.now(clock);
		return comparison.compare(actor, new RegionId(regionId), from != null ? from : end.minusDays(29), end);
	}

	record ProfileRequest(Integer youngPercent, Integer middlePercent, Integer seniorPercent) {
	}

	record ProfileView(long communityId, int youngPercent, int middlePercent, int seniorPercent, String type) {
	}

	@PutMapping("/api/analytics/communities/{id}/profile")
	@Operation(summary = "Record a community's age mix (percent under 35, 35 to 59, 60 and over; adding up to 100): "
			+ "it gives the community its type (YOUNG, FAMILY, SENIOR or MIXED) for product analysis")
	ProfileView profile(Actor actor, @PathVariable long id, @RequestBody ProfileRequest request) {
		CommunityProfile p = comparison.recordProfile(actor, id, request.youngPercent(), request.middlePercent(),
				request.seniorPercent());
		return new ProfileView(id, p.youngPercent(), p.middlePercent(), p.seniorPercent(), p.type().name());
	}
}
