package com.linli.inventory.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.inventory.CompetitorPriceManagement;
import com.linli.inventory.ForecastManagement;
import com.linli.inventory.PriceOutcome;
import com.linli.inventory.PriceSuggestion;
import com.linli.inventory.PriceSuggestionManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's dynamic pricing (动态定价): the region's open price suggestions with their reasoning and one-click
 * accept or dismiss, the report of what accepted ones did (units, margin, waste avoided), and the competitor
 * prices the suggestions respect.
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class PricingPageController {

	private final PriceSuggestionManagement pricing;

	private final CompetitorPriceManagement competitors;

	private final ForecastManagement forecasts;

	private final Clock clock;

	PricingPageController(PriceSuggestionManagement pricing, CompetitorPriceManagement competitors,
			ForecastManagement forecasts, Clock clock) {
		this.pricing = pricing;
		this.competitors = competitors;
		this.forecasts = forecasts;
		this.clock = clock;
	}

	/** The report's totals; waste once per SKU and risk window (several pickup days share the same batches). */
	record Totals(long units, Money margin, double wasteExpected, long wasted, double wasteAvoided) {

		static Totals of(List<PriceOutcome> outcomes) {
			long units = 0;
			Money margin = Money.ZERO;
			double expected = 0;
			long wasted = 0;
			Set<String> counted = new HashSet<>();
			for (PriceOutcome o : outcomes) {
				units += o.unitsSold();
				margin = o.margin() == null ? margin : margin.plus(o.margin());
				if (counted.add(o.suggestion().skuId() + "/" + o.suggestion().riskUntil())) {
					expected += o.wasteExpected();
					wasted += o.wasted();
				}
			}
			return new Totals(units, margin, expected, wasted, expected - wasted);
		}
	}

	@GetMapping("/console/pricing")
	String page(@RequestParam(required = false) Long regionId, Model model, Actor actor) {
		List<Region> regions = pricing.regions(actor).stream().filter(Region::active).toList();
		Region region = regions.stream().filter(r -> regionId != null && r.id().value() == regionId).findFirst()
			.orElse(regions.isEmpty() ? null : regions.get(0));
		model.addAttribute("regions", regions);
		model.addAttribute("region", region);
		if (region == null) {
			return "inventory/pricing";
		}
		List<PriceSuggestion> open = pricing.list(region.id(), null, actor);
		List<PriceOutcome> report = pricing.report(region.id(), actor);
		model.addAttribute("suggestions", open);
		model.addAttribute("report", report);
		model.addAttribute("totals", Totals.of(report));
		model.addAttribute("competitorPrices", competitors.list(region.id(), actor));
		model.addAttribute("skus", forecasts.skus(region.id(), actor));
		model.addAttribute("today", LocalDate.now(clock.withZone(region.zone())));
		return "inventory/pricing";
	}

	@PostMapping("/console/pricing/compute")
	String compute(@RequestParam long regionId, RedirectAttributes redirect, Actor actor) {
		try {
			int made = pricing.compute(new RegionId(regionId), actor).size();
			redirect.addFlashAttribute("done", made);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/pricing?regionId=" + regionId;
	}

	@PostMapping("/console/pricing/suggestions/{id}/accept")
	String accept(@PathVariable long id, RedirectAttributes redirect, Actor actor) {
		PriceSuggestion s = pricing.get(id, actor);
		try {
			pricing.accept(id, actor);
			redirect.addFlashAttribute("accepted", s);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/pricing?regionId=" + s.regionId().value();
	}

	@PostMapping("/console/pricing/suggestions/{id}/dismiss")
	String dismiss(@PathVariable long id, RedirectAttributes redirect, Actor actor) {
		PriceSuggestion s = pricing.get(id, actor);
		try {
			pricing.dismiss(id, actor);
			redirect.addFlashAttribute("dismissed", true);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/pricing?regionId=" + s.regionId().value();
	}

	@PostMapping("/console/pricing/competitor-prices")
	String record(@RequestParam long regionId, @RequestParam(required = false) Long skuId,
			@RequestParam(required = false) String competitor, @RequestParam(required = false) String price,
			@RequestParam(required = false) LocalDate observedOn, RedirectAttributes redirect, Actor actor) {
		try {
			Money money;
			try {
				money = price == null || price.isBlank() ? null : Money.ofYuan(price.strip());
			}
			catch (RuntimeException e) {
				throw new InvalidInputException("priceFen", Text.of("inventory.pricing.problem.priceFormat"));
			}
			competitors.record(new RegionId(regionId), skuId == null ? null : new SkuId(skuId), competitor, money,
					observedOn, actor);
			redirect.addFlashAttribute("recorded", true);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/pricing?regionId=" + regionId;
	}

	@PostMapping("/console/pricing/competitor-prices/{id}/delete")
	String delete(@PathVariable long id, @RequestParam long regionId, RedirectAttributes redirect, Actor actor) {
		competitors.delete(id, actor);
		redirect.addFlashAttribute("deleted", true);
		return "redirect:/console/pricing?regionId=" + regionId;
	}
}
