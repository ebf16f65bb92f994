package com.linli.marketing.internal.levels.web;

import com.linli.identity.Actor;
import com.linli.marketing.ListingId;
import com.linli.marketing.MembershipManagement;
import com.linli.marketing.NewMembershipLevel;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resident's membership page and the operator's levels page (levels and member prices). */
@Controller
class MembershipPageController {

	private final MembershipManagement membership;

	MembershipPageController(MembershipManagement membership) {
		this.membership = membership;
	}

	@GetMapping("/shop/membership")
	String mine(Actor actor, Model model) {
		model.addAttribute("membership", membership.membership(actor, actor.requireAccount()));
		model.addAttribute("activeTab", "me");
		return "marketing/levels-membership";
	}

	@GetMapping("/console/membership-levels")
	String levels(Model model) {
		model.addAttribute("levels", membership.levels());
		model.addAttribute("memberPrices", membership.memberPrices(100));
		return "marketing/levels-console";
	}

	@PostMapping("/console/membership-levels")
	String create(Actor actor, @RequestParam int rank, @RequestParam String name, @RequestParam long growthThreshold,
			@RequestParam(required = false) String privileges, @RequestParam(required = false) Long monthlyCouponTemplateId,
			@RequestParam(defaultValue = "0") int flashEarlyMinutes, RedirectAttributes redirect) {
		return attempt(redirect, "created", () -> membership.createLevel(actor,
				new NewMembershipLevel(rank, name, growthThreshold, privileges, monthlyCouponTemplateId, flashEarlyMinutes)));
	}

	@PostMapping("/console/membership-levels/{id}")
	String update(Actor actor, @PathVariable long id, @RequestParam int rank, @RequestParam String name,
			@RequestParam long growthThreshold, @RequestParam(required = false) String privileges,
			@RequestParam(required = false) Long monthlyCouponTemplateId,
			@RequestParam(defaultValue = "0") int flashEarlyMinutes, RedirectAttributes redirect) {
		return attempt(redirect, "saved", () -> membership.updateLevel(actor, id,
				new NewMembershipLevel(rank, name, growthThreshold, privileges, monthlyCouponTemplateId, flashEarlyMinutes)));
	}

	@PostMapping("/console/membership-levels/{id}/delete")
	String delete(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		return attempt(redirect, "deleted", () -> membership.deleteLevel(actor, id));
	}

	@PostMapping("/console/membership-levels/member-prices")
	String setMemberPrice(Actor actor, @RequestParam long listingId, @RequestParam int minRank,
			@RequestParam String priceYuan, RedirectAttributes redirect) {
		return attempt(redirect, "saved", () -> membership.setMemberPrice(actor, new ListingId(listingId), minRank,
				Money.ofYuan(priceYuan)));
	}

	@PostMapping("/console/membership-levels/member-prices/{listingId}/{minRank}/delete")
	String removeMemberPrice(Actor actor, @PathVariable long listingId, @PathVariable int minRank,
			RedirectAttributes redirect) {
		return attempt(redirect, "deleted", () -> membership.removeMemberPrice(actor, new ListingId(listingId), minRank));
	}

	private static String attempt(RedirectAttributes redirect, String notice, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (BusinessRuleException | IllegalArgumentException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/membership-levels";
	}
}
