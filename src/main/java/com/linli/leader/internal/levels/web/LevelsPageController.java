package com.linli.leader.internal.levels.web;

import com.linli.identity.Actor;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderManagement;
import com.linli.leader.LevelManagement;
import com.linli.leader.PenaltyId;
import com.linli.leader.PenaltyKind;
import com.linli.leader.PenaltyManagement;
import com.linli.leader.PenaltyStatus;
import com.linli.leader.ReassignmentManagement;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of levels and penalties: the leader's level, what the next asks for and their warnings on the phone
 * ({@code /leader/level}); the operators' penalty list with impose, confirm and revoke, and the residents and orders
 * moved ({@code /console/leaders/penalties}).
 */
@Controller
class LevelsPageController {

	private final LevelManagement levels;

	private final PenaltyManagement penalties;

	private final ReassignmentManagement moves;

	private final LeaderManagement leaders;

	private final RegionManagement regions;

	LevelsPageController(LevelManagement levels, PenaltyManagement penalties, ReassignmentManagement moves,
			LeaderManagement leaders, RegionManagement regions) {
		this.levels = levels;
		this.penalties = penalties;
		this.moves = moves;
		this.leaders = leaders;
		this.regions = regions;
	}

	@GetMapping("/leader/level")
	String mine(Actor actor, Model model) {
		var leader = actor.accountId().flatMap(leaders::leaderFor);
		if (leader.isPresent()) {
			model.addAttribute("leader", leader.get());
			model.addAttribute("standing", levels.standing(leader.get().id()));
			model.addAttribute("penalties", penalties.mine(actor));
		}
		return "leader/levels-mine";
	}

	@GetMapping("/console/leaders/penalties")
	String console(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
		PenaltyStatus chosen = null;
		try {
			chosen = status == null || status.isBlank() ? null : PenaltyStatus.valueOf(status);
		}
		catch (IllegalArgumentException e) {
			chosen = null;
		}
		model.addAttribute("regions", regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList());
		model.addAttribute("regionId", regionId);
		model.addAttribute("status", chosen == null ? "" : chosen.name());
		model.addAttribute("statuses", PenaltyStatus.values());
		model.addAttribute("kinds", PenaltyKind.values());
		model.addAttribute("list", penalties.list(actor, regionId, chosen, page, 50));
		model.addAttribute("moves", moves.list(actor, null, regionId).stream().limit(50).toList());
		return "leader/levels-penalties";
	}

	@PostMapping("/console/leaders/penalties")
	String impose(Actor actor, @RequestParam(required = false) Long leaderId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			if (leaderId == null) {
				throw new NotFoundException("leader", "-");
			}
			PenaltyKind k = kind == null || kind.isBlank() ? null : PenaltyKind.valueOf(kind);
			var p = penalties.impose(actor, new LeaderId(leaderId), k, reason);
			redirect.addFlashAttribute("done", p.id().value());
		}
		catch (BusinessRuleException | NotFoundException | IllegalArgumentException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/console/leaders/penalties";
	}

	@PostMapping("/console/leaders/penalties/{id}/confirm")
	String confirm(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		try {
			penalties.confirm(actor, new PenaltyId(id));
			redirect.addFlashAttribute("done", id);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/console/leaders/penalties";
	}

	@PostMapping("/console/leaders/penalties/{id}/revoke")
	String revoke(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			penalties.revoke(actor, new PenaltyId(id), reason);
			redirect.addFlashAttribute("done", id);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/console/leaders/penalties";
	}
}
