package com.linli.marketing.internal.points.web;

import java.util.List;

import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.marketing.NewPointsShopItem;
import com.linli.marketing.PointsShopManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's points shop page: a region's items, a form to list one, price/stock/listed changes. */
@Controller
class PointsShopPageController {

	private final PointsShopManagement shop;

	private final RegionManagement network;

	PointsShopPageController(PointsShopManagement shop, RegionManagement network) {
		this.shop = shop;
		this.network = network;
	}

	@GetMapping("/console/points-shop")
	String page(Actor actor, @RequestParam(required = false) Long regionId, Model model) {
		List<Region> regions = network.regions().stream()
			.filter(r -> r.active() && CurrentUser.require().managesRegion(r.id().value())).toList();
		Long region = regionId != null ? regionId : regions.isEmpty() ? null : regions.get(0).id().value();
		model.addAttribute("regions", regions);
		model.addAttribute("regionId", region);
		model.addAttribute("items", region == null ? List.of() : shop.items(actor, new RegionId(region), false));
		return "marketing/points-shop";
	}

	@PostMapping("/console/points-shop")
	String list(Actor actor, @RequestParam long regionId, @RequestParam String name, @RequestParam long couponTemplateId,
			@RequestParam long pointsPrice, @RequestParam int stock, RedirectAttributes redirect) {
		try {
			shop.list(actor, new NewPointsShopItem(new RegionId(regionId), name, couponTemplateId, pointsPrice, stock));
			redirect.addFlashAttribute("notice", "listed");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/points-shop?regionId=" + regionId;
	}

	@PostMapping("/console/points-shop/{id}")
	String update(Actor actor, @PathVariable long id, @RequestParam long pointsPrice, @RequestParam int stock,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		long regionId = shop.item(id).regionId().value();
		try {
			shop.update(actor, id, pointsPrice, stock, active);
			redirect.addFlashAttribute("notice", "saved");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/points-shop?regionId=" + regionId;
	}
}
