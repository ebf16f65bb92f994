package com.linli.analytics.internal.products;

import java.time.LocalDate;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.network.RegionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Product and selection analysis of a region, for its operators. Dates are pickup dates, both inclusive. */
@RestController
@RequestMapping("/api/analytics/products")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "analytics", description = "Funnels, product and selection analysis, community comparison")
class ProductAnalysisRestController {

	private final ProductAnalysis analysis;

	private final java.time.Clock clock;

	ProductAnalysisRestController(ProductAnalysis analysis, java.time.Clock clock) {
		this.analysis = analysis;
		this.clock = clock;
	}

	/** To: today unless given; from: {@code days} before unless given. */
	private LocalDate to(LocalDate to) {
		return to != null ? to : LocalDate.now(clock);
	}

	private static LocalDate from(LocalDate from, LocalDate to, int days) {
		return from != null ? from : to.minusDays(days - 1L);
	}

	@GetMapping("/sellers")
	@Operation(summary = "Best and worst sellers per community type (YOUNG, FAMILY, SENIOR, MIXED from the age mix the "
			+ "operator recorded), by units; unitsPer100Households compares types of different sizes")
	List<ProductAnalysis.TypeSellers> sellers(Actor actor, @RequestParam long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "10") @Min(1) @Max(100) int top) {
		var end = to(to);
		return analysis.sellersByType(actor, new RegionId(regionId), from(from, end, 30), end, top);
	}

	@GetMapping("/suggestions")
	@Operation(summary = "Selection suggestions for a pickup point: SKUs bought at the pickup points of similar "
			+ "communities (same type, other communities of the region) and not at this one, by units per 100 "
			+ "households of those communities")
	List<ProductAnalysis.Named<Selection.Suggestion>> suggestions(Actor actor, @RequestParam long regionId,
			@RequestParam(required = false) Long pickupPointId, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
		var end = to(to);
		return analysis.suggestions(actor, new RegionId(regionId), pickupPointId, from(from, end, 30), end, limit);
	}

	@GetMapping("/seasonality")
	@Operation(summary = "A SKU's units and paid amount by month (or ISO week with weekly=true)")
	List<ProductAnalysis.Bucket> seasonality(Actor actor, @RequestParam long regionId, @RequestParam(required = false) Long skuId,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean weekly) {
		var end = to(to);
		return analysis.seasonality(actor, new RegionId(regionId), skuId, from(from, end, 365), end, weekly);
	}

	@GetMapping("/sell-through")
	@Operation(summary = "Per SKU listed for pickup in the period: units sold ÷ the listings' stock caps, lowest first "
			+ "(at most 93 days). Dates default to the last 30 days (seasonality: 365).")
	List<ProductAnalysis.SellThrough> sellThrough(Actor actor, @RequestParam long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
		var end = to(to);
		return analysis.sellThrough(actor, new RegionId(regionId), from(from, end, 30), end);
	}
}
