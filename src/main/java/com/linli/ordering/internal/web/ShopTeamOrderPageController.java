package com.linli.ordering.internal.web;

import com.linli.identity.Actor;
import com.linli.marketing.ListingId;
import com.linli.marketing.TeamIntent;
import com.linli.marketing.TeamManagement;
import com.linli.ordering.Order;
import com.linli.ordering.TeamOrderManagement;
import com.linli.shared.BusinessRuleException;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shop's group-buy buttons: "join" on a team's share page and "start a team" on a team listing's product
 * page each order one unit with the team and go on to the cashier; a refusal (a full or closed team, one's
 * own team twice) comes back to the page with its reason.
 */
@Controller
class ShopTeamOrderPageController {

	private final TeamOrderManagement submits;

	private final TeamManagement teams;

	ShopTeamOrderPageController(TeamOrderManagement submits, TeamManagement teams) {
		this.submits = submits;
		this.teams = teams;
	}

	@PostMapping("/shop/teams/{id}/join")
	String join(Actor actor, @PathVariable long id, @RequestParam String key, RedirectAttributes flash) {
		try {
			var team = teams.get(id);
			return toCashier(submits.place(actor.requireAccount(), key, team.listing(), TeamIntent.join(id)));
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("error", e.getMessage());
			return "redirect:/shop/teams/" + id;
		}
	}

	@PostMapping("/shop/teams/open")
	String open(Actor actor, @RequestParam long listingId, @RequestParam String key, RedirectAttributes flash) {
		try {
			return toCashier(submits.place(actor.requireAccount(), key, new ListingId(listingId), TeamIntent.open()));
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("error", e.getMessage());
			return "redirect:/shop/listings/" + listingId;
		}
	}

	private static String toCashier(Order order) {
		return order.status().name().equals("PENDING_PAYMENT") ? "redirect:/shop/orders/" + order.id().value() + "/pay"
				: "redirect:/shop/orders/" + order.id().value();
	}
}
