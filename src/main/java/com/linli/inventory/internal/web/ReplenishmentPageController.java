package com.linli.inventory.internal.web;

import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.inventory.PurchaseSuggestion;
import com.linli.inventory.ReplenishmentManagement;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The purchase suggestion of the forecast page's chosen SKU, with its reasoning: a fragment the page loads
 * (htmx) into its slot ({@code inventory/forecast-purchase :: slot}).
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class ReplenishmentPageController {

	private final ReplenishmentManagement replenishment;

	ReplenishmentPageController(ReplenishmentManagement replenishment) {
		this.replenishment = replenishment;
	}

	@GetMapping("/console/forecasts/purchase")
	String purchase(@RequestParam long regionId, @RequestParam long skuId, Model model, Actor actor) {
		try {
			PurchaseSuggestion suggestion = replenishment.purchaseSuggestion(new RegionId(regionId), new SkuId(skuId), actor);
			model.addAttribute("purchase", suggestion);
			model.addAttribute("reasons", suggestion.reasoning().stream().map(Text::inReadersLanguage).toList());
		}
		catch (BusinessRuleException e) {
			model.addAttribute("purchaseFailure", e.getMessage());
		}
		return "inventory/forecast-purchase :: purchase";
	}
}
