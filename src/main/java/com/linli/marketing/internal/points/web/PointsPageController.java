package com.linli.marketing.internal.points.web;

import java.util.List;
import java.util.UUID;

import com.linli.identity.Actor;
import com.linli.marketing.CheckInManagement;
import com.linli.marketing.PointsManagement;
import com.linli.marketing.PointsShopItem;
import com.linli.marketing.PointsShopManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.BusinessRuleException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resident's phone pages: daily check-in with the streak, and points (balance, ledger, points shop). */
@Controller
class PointsPageController {

	private final CheckInManagement checkIns;

	private final PointsManagement points;

	private final PointsShopManagement shop;

	private final ResidentBindingManagement bindings;

	PointsPageController(CheckInManagement checkIns, PointsManagement points, PointsShopManagement shop,
			ResidentBindingManagement bindings) {
		this.checkIns = checkIns;
		this.points = points;
		this.shop = shop;
		this.bindings = bindings;
	}

	@GetMapping("/shop/check-in")
	String checkInPage(Actor actor, Model model) {
		model.addAttribute("checkIn", checkIns.today(actor));
		model.addAttribute("days", List.of(1, 2, 3, 4, 5, 6, 7));
		model.addAttribute("activeTab", "me");
		return "marketing/points-check-in";
	}

	@PostMapping("/shop/check-in")
	String checkIn(Actor actor, RedirectAttributes redirect) {
		try {
			var done = checkIns.checkIn(actor);
			redirect.addFlashAttribute("earned", done.points());
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/shop/check-in";
	}

	@GetMapping("/shop/points")
	String pointsPage(Actor actor, Model model) {
		model.addAttribute("summary", points.summary(actor, actor.requireAccount()));
		List<PointsShopItem> items = bindings.cachedPickupPointOf(actor.requireAccount())
			.map(p -> shop.items(actor, p.regionId(), true)).orElse(List.of());
		model.addAttribute("items", items);
		model.addAttribute("exchangeKey", UUID.randomUUID().toString());
		model.addAttribute("activeTab", "me");
		return "marketing/points";
	}

	@PostMapping("/shop/points/items/{id}/exchange")
	String exchange(Actor actor, @PathVariable long id, @RequestParam String key, RedirectAttributes redirect) {
		try {
			shop.exchange(actor, id, key);
			redirect.addFlashAttribute("exchanged", shop.item(id).name());
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/shop/points";
	}
}
