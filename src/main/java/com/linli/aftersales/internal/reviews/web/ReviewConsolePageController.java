package com.linli.aftersales.internal.reviews.web;

import java.util.List;
import java.util.stream.Collectors;

import com.linli.aftersales.ReviewId;
import com.linli.aftersales.ReviewManagement;
import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Review moderation on the console: the reviews of the operator's regions with filters, hiding by htmx, the ranking. */
@Controller
class ReviewConsolePageController {

	private final ReviewManagement reviews;

	private final RegionManagement regions;

	ReviewConsolePageController(ReviewManagement reviews, RegionManagement regions) {
		this.reviews = reviews;
		this.regions = regions;
	}

	@GetMapping("/console/reviews")
	String list(Actor actor, @RequestParam(required = false) Integer stars, @RequestParam(required = false) Boolean hidden,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) Long productId, Model model) {
		model.addAttribute("reviews", reviews.search(actor, stars, hidden, regionId, productId, 200));
		model.addAttribute("ranking", reviews.ranking(actor, regionId, 30));
		model.addAttribute("regions", myRegions(actor));
		model.addAttribute("regionNames", regions.regions().stream()
			.collect(Collectors.toMap(r -> r.id().value(), Region::name)));
		model.addAttribute("stars", stars);
		model.addAttribute("hidden", hidden);
		model.addAttribute("regionId", regionId);
		model.addAttribute("productId", productId);
		return "aftersales/reviews-console";
	}

	@PostMapping("/console/reviews/{id}/hide")
	String hide(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason, Model model) {
		try {
			reviews.hide(actor, new ReviewId(id), reason);
		}
		catch (BusinessRuleException e) {
			model.addAttribute("rowError", e.getMessage());
		}
		return row(actor, id, model);
	}

	@PostMapping("/console/reviews/{id}/unhide")
	String unhide(Actor actor, @PathVariable long id, Model model) {
		try {
			reviews.unhide(actor, new ReviewId(id));
		}
		catch (BusinessRuleException e) {
			model.addAttribute("rowError", e.getMessage());
		}
		return row(actor, id, model);
	}

	private String row(Actor actor, long id, Model model) {
		model.addAttribute("reviews", List.of(reviews.get(actor, new ReviewId(id))));
		model.addAttribute("regionNames", regions.regions().stream()
			.collect(Collectors.toMap(r -> r.id().value(), Region::name)));
		return "aftersales/reviews-console :: row";
	}

	private List<Region> myRegions(Actor actor) {
		return regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
	}

}
