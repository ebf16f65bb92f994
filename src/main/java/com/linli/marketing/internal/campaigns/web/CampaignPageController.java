package com.linli.marketing.internal.campaigns.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.catalog.Category;
import com.linli.catalog.CategoryId;
import com.linli.catalog.CategoryManagement;
import com.linli.identity.Actor;
import com.linli.marketing.Campaign;
import com.linli.marketing.CampaignId;
import com.linli.marketing.CampaignManagement;
import com.linli.marketing.CampaignReport;
import com.linli.marketing.Festival;
import com.linli.marketing.ListingId;
import com.linli.marketing.NewCampaign;
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

/** The console's campaign calendar: the list with the create form, and one campaign with its promotions and report. */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class CampaignPageController {

	private final CampaignManagement campaigns;

	private final ReductionManagement reductions;

	private final RegionManagement network;

	private final CategoryManagement categories;

	private final Clock clock;

	CampaignPageController(CampaignManagement campaigns, ReductionManagement reductions, RegionManagement network,
			CategoryManagement categories, Clock clock) {
		this.campaigns = campaigns;
		this.reductions = reductions;
		this.network = network;
		this.categories = categories;
		this.clock = clock;
	}

	/** A campaign as a row of the calendar: its region's name and its phase today. */
	record Row(Campaign campaign, String regionName, String phase) {
	}

	@GetMapping("/console/campaigns")
	String list(Actor actor, Model model) {
		Map<RegionId, Region> regions = network.regions().stream().collect(Collectors.toMap(Region::id, Function.identity()));
		Instant now = clock.instant();
		model.addAttribute("rows", campaigns.list(actor, null).stream().map(c -> {
			Region r = regions.get(c.regionId());
			return new Row(c, r == null ? String.valueOf(c.regionId()) : r.name(),
					c.phaseAt(now, r == null ? clock.getZone() : r.zone()).map(Enum::name).orElse(null));
		}).toList());
		List<Region> mine = regions.values().stream().filter(r -> r.active() && actor.managesRegion(r.id().value()))
			.sorted(java.util.Comparator.comparing(r -> r.id().value())).toList();
		model.addAttribute("regions", mine);
		model.addAttribute("festivals", Festival.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "marketing/campaigns-list";
	}

	@PostMapping("/console/campaigns")
	String create(Actor actor, @RequestParam(required = false) Long regionId, @RequestParam String name,
			@RequestParam(required = false) Festival festival, @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) Integer warmupDays, @RequestParam(required = false) Integer peakDays,
			@RequestParam(required = false) Integer tailDays, @RequestParam String budget, RedirectAttributes redirect) {
		Campaign[] created = new Campaign[1];
		boolean ok = ConsoleForms.attempt(redirect, () -> created[0] = campaigns.create(actor, new NewCampaign(
				regionId == null ? null : new RegionId(regionId), name, festival, startsOn, warmupDays, peakDays, tailDays,
				ConsoleForms.yuan("budget", budget))));
		return ok ? "redirect:/console/campaigns/" + created[0].id() : "redirect:/console/campaigns";
	}

	@GetMapping("/console/campaigns/{id}")
	String show(Actor actor, @PathVariable long id, Model model) {
		CampaignId campaignId = new CampaignId(id);
		CampaignReport report = campaigns.report(actor, campaignId);
		Campaign c = report.campaign();
		ZoneId zone = network.getRegion(c.regionId()).zone();
		model.addAttribute("campaign", c);
		model.addAttribute("regionName", network.getRegion(c.regionId()).name());
		model.addAttribute("phase", c.phaseAt(clock.instant(), zone).map(Enum::name).orElse(null));
		model.addAttribute("report", report);
		model.addAttribute("reductions", reductions.ofCampaign(campaignId));
		model.addAttribute("discounts", reductions.discountsOf(campaignId));
		model.addAttribute("couponTemplates", campaigns.couponTemplates(campaignId));
		model.addAttribute("categories", categories.categories());
		model.addAttribute("categoryNames", categories.categories().stream()
			.collect(Collectors.toMap(cat -> cat.id().value(), Category::name, (a, b) -> a)));
		// the chart: one point per day that had paid orders
		model.addAttribute("chartDays", report.days().stream().map(d -> d.day().toString()).toList());
		model.addAttribute("chartGmv", report.days().stream().map(d -> d.figures().gmv().yuan()).toList());
		model.addAttribute("chartCost", report.days().stream().map(d -> d.figures().discountCost().yuan()).toList());
		model.addAttribute("chartOrders", report.days().stream().map(d -> d.figures().orders()).toList());
		return "marketing/campaigns-detail";
	}

	@PostMapping("/console/campaigns/{id}/{move:schedule|start|end|cancel}")
	String move(Actor actor, @PathVariable long id, @PathVariable String move, RedirectAttributes redirect) {
		CampaignId c = new CampaignId(id);
		ConsoleForms.attempt(redirect, () -> {
			switch (move) {
				case "schedule" -> campaigns.schedule(actor, c);
				case "start" -> campaigns.start(actor, c);
				case "end" -> campaigns.end(actor, c);
				default -> campaigns.cancel(actor, c);
			}
		});
		return "redirect:/console/campaigns/" + id;
	}

	@PostMapping("/console/campaigns/{id}/reductions")
	String addReduction(Actor actor, @PathVariable long id, @RequestParam String name,
			@RequestParam(required = false) Long categoryId, @RequestParam String tiers, RedirectAttributes redirect) {
		campaigns.get(actor, new CampaignId(id));
		ConsoleForms.attempt(redirect, () -> reductions.create(actor, new NewReduction(null, new CampaignId(id),
				categoryId == null ? null : new CategoryId(categoryId), name, ConsoleForms.tiers(tiers), null, null)));
		return "redirect:/console/campaigns/" + id;
	}

	@PostMapping("/console/campaigns/{id}/discounts")
	String addDiscount(Actor actor, @PathVariable long id, @RequestParam(required = false) Long listingId,
			@RequestParam String price, RedirectAttributes redirect) {
		campaigns.get(actor, new CampaignId(id));
		ConsoleForms.attempt(redirect, () -> {
			if (listingId == null) {
				throw new InvalidInputException("listingId", Text.of("marketing.campaigns.problem.required"));
			}
			reductions.discount(actor, new NewListingDiscount(new ListingId(listingId), new CampaignId(id),
					ConsoleForms.yuan("price", price), null, null));
		});
		return "redirect:/console/campaigns/" + id;
	}

	@PostMapping("/console/campaigns/{id}/coupon-templates")
	String addCouponTemplate(Actor actor, @PathVariable long id, @RequestParam(required = false) Long couponTemplateId,
			RedirectAttributes redirect) {
		ConsoleForms.attempt(redirect, () -> campaigns.addCouponTemplate(actor, new CampaignId(id),
				couponTemplateId == null ? 0 : couponTemplateId));
		return "redirect:/console/campaigns/" + id;
	}
}
