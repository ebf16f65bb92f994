package com.linli.marketing.internal.controls.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.marketing.ListingControlManagement;
import com.linli.marketing.ListingId;
import com.linli.marketing.MarketClosedDayManagement;
import com.linli.network.PickupPointId;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console page of listing controls: a region's closed days for the next 90 days (close one, reopen
 * one), and, for one listing, its leader-only pickup points and the leader's commission rate.
 */
@Controller
@RequestMapping("/console/listing-controls")
class ListingControlPageController {

	private final MarketClosedDayManagement closedDays;

	private final ListingControlManagement controls;

	private final RegionManagement regions;

	private final Clock clock;

	ListingControlPageController(MarketClosedDayManagement closedDays, ListingControlManagement controls,
			RegionManagement regions, Clock clock) {
		this.clock = clock;
		this.closedDays = closedDays;
		this.controls = controls;
		this.regions = regions;
	}

	@GetMapping
	String page(Actor actor, @RequestParam(required = false) Long regionId, Model model) {
		List<Region> mine = regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
		Long chosen = regionId != null ? regionId : mine.isEmpty() ? null : mine.get(0).id().value();
		model.addAttribute("regions", mine);
		model.addAttribute("regionId", chosen);
		if (chosen != null) {
			actor.checkRegion(chosen);
			LocalDate today = LocalDate.now(clock.withZone(regions.getRegion(new RegionId(chosen)).zone()));
			model.addAttribute("closedDays", closedDays.closedDays(new RegionId(chosen), today.minusDays(1), today.plusDays(90)));
		}
		else {
			model.addAttribute("closedDays", List.of());
		}
		return "marketing/controls-console";
	}

	@PostMapping("/closed-days")
	String close(Actor actor, @RequestParam long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(redirect, regionId, () -> closedDays.close(actor, new RegionId(regionId), day, reason));
	}

	@PostMapping("/closed-days/reopen")
	String reopen(Actor actor, @RequestParam long regionId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
		return act(redirect, regionId, () -> closedDays.reopen(actor, new RegionId(regionId), day));
	}

	@PostMapping("/listing")
	String listing(Actor actor, @RequestParam long regionId, @RequestParam long listingId,
			@RequestParam(required = false) String pickupPointIds, @RequestParam(required = false) Integer commissionRate,
			RedirectAttributes redirect) {
		return act(redirect, regionId, () -> {
			var ids = pickupPointIds == null || pickupPointIds.isBlank() ? List.<PickupPointId>of()
					: Arrays.stream(pickupPointIds.split("[,，\\s]+")).filter(s -> !s.isBlank())
						.map(s -> new PickupPointId(Long.parseLong(s.trim()))).toList();
			controls.restrictToPickupPoints(actor, new ListingId(listingId), ids);
			controls.setCommissionRate(actor, new ListingId(listingId), commissionRate);
		});
	}

	private static String act(RedirectAttributes redirect, long regionId, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", "saved");
		}
		catch (BusinessRuleException | NotFoundException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		catch (NumberFormatException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/listing-controls?regionId=" + regionId;
	}
}
