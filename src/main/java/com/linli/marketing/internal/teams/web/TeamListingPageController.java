package com.linli.marketing.internal.teams.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingSearch;
import com.linli.marketing.ListingStatus;
import com.linli.marketing.TeamManagement;
import com.linli.marketing.TeamTerms;
import com.linli.marketing.internal.teams.web.TeamCards.TeamView;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's team listings of a region: their terms, their teams with status and members, the terms form. */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class TeamListingPageController {

	private final TeamManagement teams;

	private final TeamCards cards;

	private final ListingManagement listings;

	private final RegionManagement network;

	private final SkuManagement catalog;

	private final Clock clock;

	TeamListingPageController(TeamManagement teams, TeamCards cards, ListingManagement listings, RegionManagement network,
			SkuManagement catalog, Clock clock) {
		this.teams = teams;
		this.cards = cards;
		this.listings = listings;
		this.network = network;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** A team listing with its product and teams. */
	record Row(TeamTerms terms, Listing listing, Sku sku, List<TeamView> teams) {
	}

	record Option(long id, String label) {
	}

	@GetMapping("/console/team-listings")
	String list(Actor actor, @RequestParam(required = false) Long regionId, Model model) {
		List<Region> regions = network.regions().stream().filter(r -> r.active() && actor.managesRegion(r.id().value()))
			.toList();
		Region region = regions.stream().filter(r -> regionId == null || r.id().value() == regionId).findFirst().orElse(null);
		model.addAttribute("regions", regions);
		model.addAttribute("region", region);
		if (region == null) {
			model.addAttribute("rows", List.of());
			model.addAttribute("options", List.of());
			return "marketing/team-listings";
		}
		Instant now = clock.instant();
		List<TeamTerms> terms = teams.termsOfRegion(actor, region.id());
		Map<ListingId, Listing> byId = listings.listings(terms.stream().map(TeamTerms::listing).toList());
		var open = listings.search(actor, new ListingSearch(region.id(), null, ListingStatus.ACTIVE, null), 0, 100).items()
			.stream().filter(l -> l.isEditableAt(now)).toList();
		Map<SkuId, Sku> skus = catalog.skus(java.util.stream.Stream.concat(byId.values().stream(), open.stream())
			.map(Listing::skuId).distinct().toList());
		model.addAttribute("rows", terms.stream().filter(t -> byId.containsKey(t.listing())).map(t -> {
			Listing l = byId.get(t.listing());
			return new Row(t, l, skus.get(l.skuId()), cards.views(teams.teamsOf(actor, t.listing()), now));
		}).toList());
		model.addAttribute("options", open.stream().map(l -> new Option(l.id().value(),
				(skus.containsKey(l.skuId()) ? skus.get(l.skuId()).productName() + " " + skus.get(l.skuId()).spec() : "#" + l.id())
						+ " · ¥" + l.groupPrice() + " · " + l.pickupDate())).toList());
		return "marketing/team-listings";
	}

	@PostMapping("/console/team-listings")
	String save(Actor actor, @RequestParam long regionId, @RequestParam long listingId, @RequestParam int teamSize,
			@RequestParam int timeLimitMinutes, @RequestParam String teamPrice,
			@RequestParam(defaultValue = "false") boolean allowFewer, RedirectAttributes flash) {
		try {
			Money price;
			try {
				price = Money.ofYuan(new BigDecimal(teamPrice.strip()));
			}
			catch (NumberFormatException | ArithmeticException e) {
				price = null;
			}
			teams.setTerms(actor, new TeamTerms(new ListingId(listingId), teamSize, timeLimitMinutes, price, allowFewer));
			flash.addFlashAttribute("notice", "saved");
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/team-listings?regionId=" + regionId;
	}
}
