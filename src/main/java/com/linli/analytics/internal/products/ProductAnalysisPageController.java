package com.linli.analytics.internal.products;

import java.time.Clock;
import java.time.LocalDate;

import com.linli.analytics.internal.communities.RegionCommunities;
import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The product analysis page: sellers by community type, sell-through, suggestions for a pickup point, seasonality. */
@Controller
class ProductAnalysisPageController {

	private final ProductAnalysis analysis;

	private final RegionManagement regions;

	private final RegionCommunities communities;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	ProductAnalysisPageController(ProductAnalysis analysis, RegionManagement regions, RegionCommunities communities,
			Clock clock) {
		this.analysis = analysis;
		this.regions = regions;
		this.communities = communities;
		this.clock = clock;
	}

	@GetMapping("/console/analytics/products")
	String page(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long pickupPointId, @RequestParam(required = false) Long skuId,
			@RequestParam(defaultValue = "false") boolean weekly, Model model) {
		var mine = regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
		Region region = regionId == null ? (mine.isEmpty() ? null : mine.get(0)) : regions.getRegion(new RegionId(regionId));
		LocalDate end = to != null ? to : LocalDate.now(clock).plusDays(1);
		LocalDate start = from != null ? from : end.minusDays(29);
		model.addAttribute("regions", mine);
		model.addAttribute("region", region);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("pickupPointId", pickupPointId);
		model.addAttribute("skuId", skuId);
		model.addAttribute("weekly", weekly);
		if (region == null) {
			return "analytics/products";
		}
		try {
			var points = communities.of(region.id());
			model.addAttribute("points", points);
			model.addAttribute("unprofiled", points.stream().filter(p -> p.profile() == null)
				.map(p -> p.community().id()).distinct().count());
			model.addAttribute("sellers", analysis.sellersByType(actor, region.id(), start, end, 10));
			var through = analysis.sellThrough(actor, region.id(), start.isBefore(end.minusDays(30)) ? end.minusDays(30) : start, end);
			model.addAttribute("sellThrough", through.size() > 30 ? through.subList(0, 30) : through);
			Long target = pickupPointId != null ? pickupPointId : points.stream().filter(p -> p.profile() != null)
				.map(p -> p.point().id().value()).findFirst().orElse(null);
			model.addAttribute("target", target);
			if (target != null) {
				model.addAttribute("suggestions", analysis.suggestions(actor, region.id(), target, start, end, 10));
			}
			if (skuId != null) {
				var buckets = analysis.seasonality(actor, region.id(), skuId, start.minusYears(1), end, weekly);
				model.addAttribute("seasonJson", json.writeValueAsString(buckets.stream()
					.map(b -> java.util.Map.of("start", b.start().toString(), "units", b.units())).toList()));
			}
		}
		catch (InvalidInputException e) {
			model.addAttribute("failure", e.getMessage());
		}
		return "analytics/products";
	}
}
