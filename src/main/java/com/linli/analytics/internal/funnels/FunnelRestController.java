package com.linli.analytics.internal.funnels;

import java.time.LocalDate;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.network.RegionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The funnel view → cart → checkout → pay of a region, for the operators of the region. */
@RestController
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "analytics", description = "Funnels, product and selection analysis, community comparison")
class FunnelRestController {

	private final Funnels funnels;

	private final java.time.Clock clock;

	FunnelRestController(Funnels funnels, java.time.Clock clock) {
		this.funnels = funnels;
		this.clock = clock;
	}

	record StepView(String step, long residents, Double conversion, boolean largestDrop) {
	}

	record FunnelView(long regionId, LocalDate from, LocalDate to, Long skuId, Long categoryId, Long pickupPointId,
			List<StepView> steps, String largestDrop, Double overall) {
	}

	@GetMapping("/api/analytics/funnels")
	@Operation(summary = "View → add to cart → checkout → pay: distinct residents per step in the period (those who "
			+ "also did every step before it), conversion from the step before, the step with the largest drop",
			description = "View is a product view (or a storefront page view when no SKU or category is given). "
					+ "Filters: one SKU, one category with its subcategories, one pickup point. Dates are business "
					+ "days (Asia/Shanghai), both inclusive, at most 400 days; by default the last 7 days.")
	FunnelView funnel(Actor actor, @RequestParam long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long skuId, @RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) Long pickupPointId) {
		to = to != null ? to : LocalDate.now(clock);
		from = from != null ? from : to.minusDays(6);
		var f = funnels.funnel(actor, new RegionId(regionId), from, to, skuId, categoryId, pickupPointId);
		return new FunnelView(regionId, from, to, skuId, categoryId, pickupPointId,
				f.steps().stream().map(s -> new StepView(s.key(), s.residents(), s.conversion(), s.largestDrop(f))).toList(),
				f.largestDrop() < 0 ? null : f.steps().get(f.largestDrop()).key(), f.overall());
	}
}
