package com.linli.marketing.internal.offers.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

import com.linli.identity.Actor;
import com.linli.marketing.ListingId;
import com.linli.marketing.NewGift;
import com.linli.marketing.NewOffer;
import com.linli.marketing.Offer;
import com.linli.marketing.OfferManagement;
import com.linli.marketing.internal.campaigns.web.ConsoleForms;
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

/** The console's new-resident and 1-yuan offers and gifts with purchase of the operator's regions. */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class OfferPageController {

	private final OfferManagement offers;

	private final RegionManagement network;

	private final Clock clock;

	OfferPageController(OfferManagement offers, RegionManagement network, Clock clock) {
		this.offers = offers;
		this.network = network;
		this.clock = clock;
	}

	@GetMapping("/console/offers")
	String list(Actor actor, Model model) {
		Map<Long, String> regionNames = network.regions().stream().collect(Collectors.toMap(r -> r.id().value(), Region::name));
		model.addAttribute("regionNames", regionNames);
		model.addAttribute("regions", network.regions().stream().filter(r -> r.active() && actor.managesRegion(r.id().value()))
			.sorted(Comparator.comparing(r -> r.id().value())).toList());
		model.addAttribute("offers", offers.list(actor, null));
		model.addAttribute("gifts", offers.gifts(actor, null));
		model.addAttribute("kinds", Offer.Kind.values());
		model.addAttribute("audiences", Offer.Audience.values());
		return "marketing/campaigns-offers";
	}

	@PostMapping("/console/offers")
	String create(Actor actor, @RequestParam(required = false) Long listingId, @RequestParam(required = false) Offer.Kind kind,
			@RequestParam(required = false) Offer.Audience audience, @RequestParam String price,
			@RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
			RedirectAttributes redirect) {
		ZoneId zone = clock.getZone();
		ConsoleForms.attempt(redirect, () -> {
			if (listingId == null) {
				throw new InvalidInputException("listingId", Text.of("marketing.campaigns.problem.required"));
			}
			offers.create(actor, new NewOffer(new ListingId(listingId), kind, audience, ConsoleForms.yuan("price", price),
					ConsoleForms.at("startsAt", startsAt, zone), ConsoleForms.at("endsAt", endsAt, zone)));
		});
		return "redirect:/console/offers";
	}

	@PostMapping("/console/offers/{id}/deactivate")
	String deactivate(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		ConsoleForms.attempt(redirect, () -> offers.deactivate(actor, id));
		return "redirect:/console/offers";
	}

	@PostMapping("/console/gifts")
	String createGift(Actor actor, @RequestParam(required = false) Long regionId, @RequestParam String giftName,
			@RequestParam String threshold, @RequestParam(required = false) String startsAt,
			@RequestParam(required = false) String endsAt, RedirectAttributes redirect) {
		ZoneId zone = clock.getZone();
		ConsoleForms.attempt(redirect, () -> offers.createGift(actor, new NewGift(regionId == null ? null : new RegionId(regionId),
				ConsoleForms.yuan("threshold", threshold), giftName, ConsoleForms.at("startsAt", startsAt, zone),
				ConsoleForms.at("endsAt", endsAt, zone))));
		return "redirect:/console/offers";
	}

	@PostMapping("/console/gifts/{id}/deactivate")
	String deactivateGift(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		ConsoleForms.attempt(redirect, () -> offers.deactivateGift(actor, id));
		return "redirect:/console/offers";
	}
}
