package com.linli.marketing.internal.campaigns.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

import com.linli.catalog.Category;
import com.linli.catalog.CategoryId;
import com.linli.catalog.CategoryManagement;
import com.linli.identity.Actor;
import com.linli.marketing.ListingId;
import com.linli.marketing.NewListingDiscount;
import com.linli.marketing.NewReduction;
import com.linli.marketing.ReductionManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's full reductions and listing discounts of the operator's regions, alone or in campaigns. */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class ReductionPageController {

	private final ReductionManagement reductions;

	private final RegionManagement network;

	private final CategoryManagement categories;

	private final Clock clock;

	ReductionPageController(ReductionManagement reductions, RegionManagement network, CategoryManagement categories, Clock clock) {
		this.reductions = reductions;
		this.network = network;
		this.categories = categories;
		this.clock = clock;
	}

	@GetMapping("/console/reductions")
	String list(Actor actor, Model model) {
		Map<Long, String> regionNames = network.regions().stream().collect(Collectors.toMap(r -> r.id().value(), Region::name));
		model.addAttribute("regionNames", regionNames);
		model.addAttribute("regions", network.regions().stream().filter(r -> r.active() && actor.managesRegion(r.id().value()))
			.sorted(Comparator.comparing(r -> r.id().value())).toList());
		model.addAttribute("reductions", reductions.list(actor, null));
		model.addAttribute("discounts", reductions.discounts(actor, null));
		model.addAttribute("categories", categories.categories());
		model.addAttribute("categoryNames", categories.categories().stream()
			.collect(Collectors.toMap(c -> c.id().value(), Category::name, (a, b) -> a)));
		return "marketing/campaigns-reductions";
	}

	@PostMapping("/console/reductions")
	String create(Actor actor, @RequestParam(required = false) Long regionId, @RequestParam String name,
			@RequestParam(required = false) Long categoryId, @RequestParam String tiers,
			@RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
			RedirectAttributes redirect) {
		ZoneId zone = zoneOf(regionId);
		ConsoleForms.attempt(redirect, () -> reductions.create(actor, new NewReduction(
				regionId == null ? null : new RegionId(regionId), null, categoryId == null ? null : new CategoryId(categoryId),
				name, ConsoleForms.tiers(tiers), ConsoleForms.at("startsAt", startsAt, zone), ConsoleForms.at("endsAt", endsAt, zone))));
		return "redirect:/console/reductions";
	}

	@PostMapping("/console/reductions/{id}/deactivate")
	String deactivate(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		ConsoleForms.attempt(redirect, () -> reductions.deactivate(actor, id));
		return "redirect:/console/reductions";
	}

	@PostMapping("/console/listing-discounts")
	String discount(Actor actor, @RequestParam(required = false) Long listingId, @RequestParam String price,
			@RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
			RedirectAttributes redirect) {
		ZoneId zone = clock.getZone();
		ConsoleForms.attempt(redirect, () -> {
			if (listingId == null) {
				throw new InvalidInputException("listingId", Text.of("marketing.campaigns.problem.required"));
			}
			reductions.discount(actor, new NewListingDiscount(new ListingId(listingId), null, ConsoleForms.yuan("price", price),
					ConsoleForms.at("startsAt", startsAt, zone), ConsoleForms.at("endsAt", endsAt, zone)));
		});
		return "redirect:/console/reductions";
	}

	@PostMapping("/console/listing-discounts/{id}/deactivate")
	String deactivateDiscount(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		ConsoleForms.attempt(redirect, () -> reductions.deactivateDiscount(actor, id));
		return "redirect:/console/reductions";
	}

	private ZoneId zoneOf(Long regionId) {
		if (regionId == null) {
			return clock.getZone();
		}
		return network.regions().stream().filter(r -> r.id().value() == regionId).map(Region::zone).findFirst()
			.orElse(clock.getZone());
	}

}
