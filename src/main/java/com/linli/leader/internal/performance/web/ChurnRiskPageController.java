package com.linli.leader.internal.performance.web;

import java.util.List;

import com.linli.identity.Actor;
import com.linli.leader.LeaderChurnRisk;
import com.linli.leader.LeaderId;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's list of leaders at risk of leaving, riskiest first with the reasons, and the signals form. */
@Controller
class ChurnRiskPageController {

	private final LeaderChurnRisk churn;

	private final RegionManagement regions;

	private final MessageSource messages;

	ChurnRiskPageController(LeaderChurnRisk churn, RegionManagement regions, MessageSource messages) {
		this.churn = churn;
		this.regions = regions;
		this.messages = messages;
	}

	/** A row: the risk with its reasons in the reader's language. */
	record Row(long leaderId, String leaderName, String pickupPointName, int score, boolean alert, List<String> reasons) {
	}

	@GetMapping("/console/leaders/churn-risk")
	String list(@RequestParam(required = false) Long regionId, @RequestParam(defaultValue = "false") boolean alertsOnly,
			Actor actor, Model model) {
		List<Region> managed = regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
		Long shown = regionId != null ? regionId : managed.isEmpty() ? null : managed.get(0).id().value();
		model.addAttribute("regions", managed);
		model.addAttribute("regionId", shown);
		model.addAttribute("alertsOnly", alertsOnly);
		if (shown != null) {
			var locale = LocaleContextHolder.getLocale();
			var risks = alertsOnly ? churn.alerts(actor, new RegionId(shown), null)
					: churn.risks(actor, new RegionId(shown), null);
			model.addAttribute("rows", risks.stream()
				.map(r -> new Row(r.leaderId().value(), r.leaderName(), r.pickupPointName(), r.score(), r.alert(),
						r.reasons().stream().map(t -> messages.getMessage(t, locale)).toList()))
				.toList());
		}
		return "leader/performance-churn";
	}

	@PostMapping("/console/leaders/{id}/competitor-signals")
	String record(@PathVariable long id, @RequestParam(required = false) String note,
			@RequestParam(required = false) Long regionId, Actor actor, RedirectAttributes redirect) {
		try {
			churn.recordSignal(actor, new LeaderId(id), note);
			redirect.addFlashAttribute("saved", true);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("inputError", messages.getMessage(e.text(), LocaleContextHolder.getLocale()));
		}
		return "redirect:/console/leaders/churn-risk" + (regionId == null ? "" : "?regionId=" + regionId);
	}
}
