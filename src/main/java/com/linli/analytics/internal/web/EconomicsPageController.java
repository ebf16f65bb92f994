package com.linli.analytics.internal.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import com.linli.analytics.internal.economics.BudgetManagement;
import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The unit economics page: a region's month day by day, its budget (a form), budget vs actual and forecast close. */
@Controller
class EconomicsPageController {

	private final BudgetManagement budgets;

	private final RegionManagement regions;

	private final Clock clock;

	EconomicsPageController(BudgetManagement budgets, RegionManagement regions, Clock clock) {
		this.budgets = budgets;
		this.regions = regions;
		this.clock = clock;
	}

	@GetMapping("/console/economics")
	String page(@RequestParam(required = false) Long regionId, @RequestParam(required = false) String month, Model model,
			Actor actor) {
		List<Region> mine = regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
		Region region = mine.stream().filter(r -> regionId != null && r.id().value() == regionId).findFirst()
			.orElse(mine.isEmpty() ? null : mine.get(0));
		if (regionId != null && (region == null || region.id().value() != regionId)) {
			actor.checkRegion(regionId); // another region's page: 403
		}
		YearMonth m = month == null || month.isBlank() ? YearMonth.now(clock) : BudgetManagement.month("month", month);
		model.addAttribute("regions", mine);
		model.addAttribute("region", region);
		model.addAttribute("month", m.toString());
		if (region != null) {
			model.addAttribute("economics", budgets.month(actor, region.id(), m));
		}
		return "analytics/economics";
	}

	@PostMapping("/console/economics/budget")
	String setBudget(@RequestParam long regionId, @RequestParam String month, @RequestParam(required = false) String gmv,
			@RequestParam(required = false) String margin, @RequestParam(required = false) String costs, Actor actor,
			RedirectAttributes redirect) {
		actor.checkRegion(regionId);
		try {
			budgets.setBudget(actor, regionId, month, fen("gmvFen", gmv), fen("marginFen", margin), fen("costsFen", costs));
			redirect.addFlashAttribute("notice", "saved");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
			redirect.addFlashAttribute("failureField", e.field());
		}
		return "redirect:/console/economics?regionId=" + regionId + "&month="
				+ (month != null && month.matches("\\d{4}-\\d{2}") ? month : "");
	}

	/** Yuan as typed (up to two decimals) to fen; blank stays null (the service says it is required). */
	private static Long fen(String field, String yuan) {
		if (yuan == null || yuan.isBlank()) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(yuan.trim());
			if (value.scale() > 2) {
				throw new InvalidInputException(field, Text.of("analytics.problem.money"));
			}
			return value.movePointRight(2).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw new InvalidInputException(field, Text.of("analytics.problem.money"));
		}
	}
}
