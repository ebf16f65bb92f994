package com.linli.risk.internal.web;

import java.util.List;

import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.risk.CaseStatus;
import com.linli.risk.RiskManagement;
import com.linli.risk.RiskOverviewManagement;
import com.linli.shared.BusinessRuleException;
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
 * The console's risk page: cases (score, rule, subject; filter by status), supplier and fund risk; a case page with
 * its evidence and the clear / confirm / block buttons.
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class RiskPageController {

	private final RiskManagement risk;

	private final RiskOverviewManagement overview;

	RiskPageController(RiskManagement risk, RiskOverviewManagement overview) {
		this.risk = risk;
		this.overview = overview;
	}

	/** A flag for the page: its summary in the reader's language and its evidence as JSON text. */
	record FlagRow(String rule, int score, String summary, String evidence, java.time.Instant lastSeenAt) {
	}

	@GetMapping("/console/risk")
	String page(@RequestParam(required = false) Long regionId, @RequestParam(required = false) CaseStatus status,
			Model model, Actor actor) {
		if (regionId != null) {
			actor.checkRegion(regionId); // another region's page is refused, not replaced by one's own
		}
		List<Region> regions = overview.regions(actor);
		Region region = regions.stream().filter(r -> regionId != null && r.id().value() == regionId).findFirst()
			.orElse(regions.isEmpty() ? null : regions.get(0));
		model.addAttribute("regions", regions);
		model.addAttribute("region", region);
		model.addAttribute("status", status);
		model.addAttribute("statuses", CaseStatus.values());
		if (region != null) {
			model.addAttribute("cases", risk.cases(actor, region.id().value(), status, 0, 100));
			model.addAttribute("funds", overview.funds(actor, region.id().value()));
		}
		model.addAttribute("suppliers", overview.suppliers(actor));
		return "risk/cases";
	}

	@GetMapping("/console/risk/cases/{caseId}")
	String detail(@PathVariable long caseId, Model model, Actor actor) {
		var d = risk.get(actor, caseId);
		model.addAttribute("detail", d);
		model.addAttribute("flags", d.flags().stream().map(f -> new FlagRow(f.rule().name(), f.score(),
				Text.fromStored(f.summary()).inReadersLanguage(), f.evidenceJson(), f.lastSeenAt())).toList());
		return "risk/case";
	}

	@PostMapping("/console/risk/evaluations")
	String evaluate(@RequestParam long regionId, Actor actor) {
		risk.evaluate(actor, regionId);
		return "redirect:/console/risk?regionId=" + regionId;
	}

	@PostMapping("/console/risk/cases/{caseId}/{decision:clear|confirm|block}")
	String decide(@PathVariable long caseId, @PathVariable String decision, @RequestParam(required = false) String note,
			Actor actor, RedirectAttributes redirect) {
		try {
			switch (decision) {
				case "clear" -> risk.clear(actor, caseId, note);
				case "confirm" -> risk.confirm(actor, caseId, note);
				default -> risk.block(actor, caseId);
			}
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/risk/cases/" + caseId;
	}
}
