package com.linli.analytics.internal.funnels;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.catalog.CategoryManagement;
import com.linli.identity.Actor;
import com.linli.network.PickupPointManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The funnel page: a region, a period and a filter; an ECharts funnel with the largest drop marked. */
@Controller
class FunnelPageController {

	private final Funnels funnels;

	private final RegionManagement regions;

	private final PickupPointManagement pickupPoints;

	private final CategoryManagement categories;

	private final MessageSource messages;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	FunnelPageController(Funnels funnels, RegionManagement regions, PickupPointManagement pickupPoints,
			CategoryManagement categories, MessageSource messages, Clock clock) {
		this.funnels = funnels;
		this.regions = regions;
		this.pickupPoints = pickupPoints;
		this.categories = categories;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/console/analytics/funnels")
	String page(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long skuId, @RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) Long pickupPointId, Model model) {
		List<Region> mine = regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
		Region region = regionId == null ? (mine.isEmpty() ? null : mine.get(0))
				: regions.getRegion(new RegionId(regionId));
		LocalDate today = LocalDate.now(clock);
		LocalDate end = to != null ? to : today;
		LocalDate start = from != null ? from : end.minusDays(6);
		model.addAttribute("regions", mine);
		model.addAttribute("region", region);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("skuId", skuId);
		model.addAttribute("categoryId", categoryId);
		model.addAttribute("pickupPointId", pickupPointId);
		model.addAttribute("categories", categories.categories());
		if (region != null) {
			model.addAttribute("pickupPoints", pickupPoints.pickupPoints(region.id()));
			try {
				var funnel = funnels.funnel(actor, region.id(), start, end, skuId, categoryId, pickupPointId);
				model.addAttribute("funnel", funnel);
				model.addAttribute("chartJson", chart(funnel));
			}
			catch (InvalidInputException e) {
				model.addAttribute("failure", e.getMessage());
			}
		}
		return "analytics/funnels";
	}

	private String chart(Funnel funnel) {
		var locale = LocaleContextHolder.getLocale();
		var data = funnel.steps().stream().map(s -> {
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("name", messages.getMessage("analytics.funnel.step." + s.key(), null, locale));
			d.put("value", s.residents());
			d.put("drop", s.largestDrop(funnel));
			return d;
		}).toList();
		return json.writeValueAsString(data);
	}
}
