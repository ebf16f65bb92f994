package com.linli.leader.internal.helpers.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;

import com.linli.identity.Actor;
import com.linli.leader.HelperManagement;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderManagement;
import com.linli.leader.LeaderStatement;
import com.linli.leader.PickupOnlyManagement;
import com.linli.leader.StatementManagement;
import com.linli.network.RegionManagement;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Statement downloads from the pages (the leader's earnings page, the console), and the console page of a leader's
 * statements and pickup-only mode.
 */
@Controller
class StatementPageController {

	private final StatementManagement statements;

	private final StatementRestController files;

	private final PickupOnlyManagement modes;

	private final LeaderManagement leaders;

	private final RegionManagement regions;

	private final Clock clock;

	StatementPageController(StatementManagement statements, StatementRestController files, PickupOnlyManagement modes,
			LeaderManagement leaders, RegionManagement regions, Clock clock) {
		this.statements = statements;
		this.files = files;
		this.modes = modes;
		this.leaders = leaders;
		this.regions = regions;
		this.clock = clock;
	}

	@GetMapping("/leader/statements")
	ResponseEntity<byte[]> mine(Actor actor, @RequestParam(required = false) String month,
			@RequestParam(defaultValue = "xlsx") String format, Locale locale) {
		return file(statements.mine(actor, month), format, locale);
	}

	@GetMapping("/console/leaders/{id}/statements")
	ResponseEntity<byte[]> of(Actor actor, @PathVariable long id, @RequestParam(required = false) String month,
			@RequestParam(defaultValue = "xlsx") String format, Locale locale) {
		return file(statements.of(actor, new LeaderId(id), month), format, locale);
	}

	@GetMapping("/console/leaders/{id}/accounts")
	String console(Actor actor, @PathVariable long id, Model model) {
		var mode = modes.mode(actor, new LeaderId(id));
		var leader = leaders.get(new LeaderId(id));
		model.addAttribute("leader", leader);
		model.addAttribute("mode", mode);
		model.addAttribute("lastMonth", YearMonth.now(clock.withZone(regions.getRegion(leader.regionId()).zone()))
			.minusMonths(1).toString());
		model.addAttribute("maxHelpers", HelperManagement.MAX_HELPERS);
		return "leader/helpers-console";
	}

	@PostMapping("/console/leaders/{id}/pickup-only")
	String setMode(Actor actor, @PathVariable long id, @RequestParam boolean pickupOnly, RedirectAttributes redirect) {
		modes.setPickupOnly(actor, new LeaderId(id), pickupOnly);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/console/leaders/" + id + "/accounts";
	}

	private ResponseEntity<byte[]> file(LeaderStatement s, String format, Locale locale) {
		return "pdf".equals(format) ? files.pdf(s, locale) : files.xlsx(s, locale);
	}
}
