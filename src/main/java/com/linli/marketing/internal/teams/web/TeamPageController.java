package com.linli.marketing.internal.teams.web;

import java.time.Clock;
import java.time.Instant;

import com.linli.identity.Actor;
import com.linli.marketing.TeamManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The team's share page (the link a resident posts in the community chat): the product at the team price,
 * who is in, places and time left, and a button that orders with the team.
 */
@Controller
class TeamPageController {

	private final TeamManagement teams;

	private final TeamCards cards;

	private final Clock clock;

	TeamPageController(TeamManagement teams, TeamCards cards, Clock clock) {
		this.teams = teams;
		this.cards = cards;
		this.clock = clock;
	}

	@GetMapping("/shop/teams/{id}")
	String team(Actor actor, @PathVariable long id, Model model) {
		Instant now = clock.instant();
		var team = teams.get(id);
		model.addAttribute("team", cards.view(team, now));
		model.addAttribute("serverNow", now.toEpochMilli());
		model.addAttribute("member", actor.accountId().map(team::hasMember).orElse(false));
		model.addAttribute("joinable", team.joinableAt(now));
		model.addAttribute("activeTab", "home");
		return "marketing/teams-team";
	}
}
