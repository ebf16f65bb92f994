package com.linli.leader.internal.incentives.web;

import java.util.ArrayList;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.leader.Contest;
import com.linli.leader.ContestId;
import com.linli.leader.ContestMetric;
import com.linli.leader.LeaderContestManagement;
import com.linli.leader.LeaderReferralManagement;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Incentive pages: the leader's "邀请团长" page (code, link, the leaders they referred) and contests; the console's
 * contests of the operator's regions (list, create, standings, close and pay).
 */
@Controller
class IncentivePageController {

	private final LeaderReferralManagement referrals;

	private final LeaderContestManagement contests;

	private final RegionManagement regions;

	IncentivePageController(LeaderReferralManagement referrals, LeaderContestManagement contests,
			RegionManagement regions) {
		this.referrals = referrals;
		this.contests = contests;
		this.regions = regions;
	}

	@GetMapping("/leader/invite")
	String invite(Actor actor, Model model) {
		try {
			var invite = referrals.mine(actor);
			model.addAttribute("invite", invite);
			// absolute, as pasted into a chat, on the host the leader reached us by
			model.addAttribute("inviteLink", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + invite.link());
			model.addAttribute("contests", contests.mine(actor));
		}
		catch (AccessDeniedException e) {
			model.addAttribute("invite", null);
		}
		return "leader/incentives-invite";
	}

	@GetMapping("/console/leaders/{id}/referrals")
	String referralsOf(Actor actor, @PathVariable long id, Model model) {
		model.addAttribute("invite", referrals.of(actor, new com.linli.leader.LeaderId(id)));
		return "leader/incentives-referrals";
	}

	@GetMapping("/console/leaders/contests")
	String list(Actor actor, @RequestParam(required = false) Long regionId, Model model) {
		model.addAttribute("regions", regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList());
		model.addAttribute("regionId", regionId);
		model.addAttribute("metrics", ContestMetric.values());
		model.addAttribute("contests", contests.list(actor, regionId, null));
		return "leader/incentives-contests";
	}

	@PostMapping("/console/leaders/contests")
	String create(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String month, @RequestParam(required = false) String metric,
			@RequestParam(required = false) String title, @RequestParam(required = false) Integer winners,
			@RequestParam(required = false) Integer minOrders, @RequestParam(name = "cash", required = false) List<String> cash,
			@RequestParam(name = "description", required = false) List<String> descriptions, RedirectAttributes redirect) {
		try {
			List<Contest.Prize> prizes = new ArrayList<>();
			int n = winners == null ? 0 : winners;
			for (int i = 0; i < n; i++) {
				String c = cash != null && i < cash.size() ? cash.get(i) : null;
				String d = descriptions != null && i < descriptions.size() ? descriptions.get(i) : null;
				Money m = c == null || c.isBlank() ? Money.ZERO : yuan(c, i);
				if (!m.isZero() || (d != null && !d.isBlank())) {
					prizes.add(new Contest.Prize(i + 1, m, d));
				}
			}
			var created = contests.create(actor, new LeaderContestManagement.NewContest(regionId == null ? 0 : regionId,
					IncentiveRestController.month(month), metric, title, n, minOrders == null ? 0 : minOrders, prizes));
			return "redirect:/console/leaders/contests/" + created.id().value();
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/console/leaders/contests";
		}
	}

	@GetMapping("/console/leaders/contests/{id}")
	String one(Actor actor, @PathVariable long id, Model model) {
		model.addAttribute("view", contests.view(actor, new ContestId(id)));
		return "leader/incentives-contest";
	}

	@PostMapping("/console/leaders/contests/{id}/close")
	String close(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		try {
			contests.close(actor, new ContestId(id));
			redirect.addFlashAttribute("closed", true);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/console/leaders/contests/" + id;
	}

	private static Money yuan(String value, int index) {
		try {
			return Money.ofYuan(value.strip());
		}
		catch (RuntimeException e) {
			throw new com.linli.shared.InvalidInputException("prizes[" + index + "].cashFen",
					com.linli.shared.Text.of("leader.problem.incentivesCash"));
		}
	}
}
