package com.linli.marketing.internal.referrals.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.marketing.ReferralDecision;
import com.linli.marketing.ReferralRule;
import com.linli.marketing.ReferralRuleManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's referral page: a region's reward rule, the latest rewards and refused rewards with reasons. */
@Controller
@RequestMapping("/console/referrals")
class ReferralConsoleController {

	static final int SHOWN = 100;

	private final ReferralRuleManagement rules;

	private final RegionManagement regions;

	private final Clock clock;

	ReferralConsoleController(ReferralRuleManagement rules, RegionManagement regions, Clock clock) {
		this.clock = clock;
		this.rules = rules;
		this.regions = regions;
	}

	@GetMapping
	String page(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String saved, Model model) {
		List<Region> mine = regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
		Long chosen = regionId != null ? regionId : mine.isEmpty() ? null : mine.get(0).id().value();
		model.addAttribute("regions", mine);
		model.addAttribute("regionId", chosen);
		if (!model.containsAttribute("rule")) {
			model.addAttribute("rule", chosen == null ? ReferralRule.none() : rules.rule(actor, new RegionId(chosen)));
		}
		model.addAttribute("saved", saved != null);
		model.addAttribute("refusals", rules.refusals(actor, SHOWN).stream().map(this::row).toList());
		model.addAttribute("rewards", rules.rewards(actor, SHOWN).stream().map(this::row).toList());
		return "marketing/referrals-console";
	}

	/** A decision with its time in the platform's zone, as the table shows it. */
	record Row(ReferralDecision d, LocalDateTime at) {
	}

	private Row row(ReferralDecision d) {
		return new Row(d, LocalDateTime.ofInstant(d.at(), clock.getZone()));
	}

	@PostMapping
	String save(Actor actor, @RequestParam long regionId, @RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(required = false) String inviterKind, @RequestParam(required = false) Long inviterValue,
			@RequestParam(required = false) String inviteeKind, @RequestParam(required = false) Long inviteeValue,
			@RequestParam(defaultValue = "3") int maxPerPointPerDay, Model model) {
		var rule = new ReferralRule(enabled, "COUPON".equals(inviterKind) ? inviterValue : null,
				"POINTS".equals(inviterKind) ? inviterValue : null, "COUPON".equals(inviteeKind) ? inviteeValue : null,
				"POINTS".equals(inviteeKind) ? inviteeValue : null, maxPerPointPerDay);
		try {
			rules.save(actor, new RegionId(regionId), rule);
		}
		catch (BusinessRuleException e) {
			model.addAttribute("failure", e.getMessage());
			model.addAttribute("rule", rule);
			return page(actor, regionId, null, model);
		}
		return "redirect:/console/referrals?saved&regionId=" + regionId;
	}
}
