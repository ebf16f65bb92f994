package com.linli.marketing.internal.teams.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.marketing.ListingId;
import com.linli.marketing.TeamManagement;
import com.linli.marketing.internal.teams.web.TeamCards.TeamView;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Residents' side of group-buy teams (拼团): a team by its share link, the teams still taking members
 * at the caller's pickup point, a listing's team terms. Opening and joining is ordering with a team
 * ({@code POST /api/orders} with {@code team}).
 */
@RestController
@RequestMapping("/api/marketing/teams")
@Tag(name = "teams", description = "拼团: group-buy teams (residents)")
class TeamRestController {

	private final TeamManagement teams;

	private final TeamCards cards;

	private final ResidentBindingManagement bindings;

	private final Clock clock;

	TeamRestController(TeamManagement teams, TeamCards cards, ResidentBindingManagement bindings, Clock clock) {
		this.teams = teams;
		this.cards = cards;
		this.bindings = bindings;
		this.clock = clock;
	}

	/** The teams and the server's time, from which a client counts down (not from the phone's clock). */
	record Teams(Instant serverNow, List<TeamView> teams) {
	}

	@GetMapping
	@Operation(summary = "Teams still taking members in the caller's region, soonest deadline first")
	Teams joinable(Actor actor) {
		Instant now = clock.instant();
		var point = actor.accountId().flatMap(bindings::cachedPickupPointOf);
		return new Teams(now, point.map(p -> cards.views(teams.joinable(p.regionId(), 20), now)).orElse(List.of()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One team by its share link: who is in, places left, time left",
			description = "Any signed-in resident may look at a team (the link is shared in the community chat).")
	TeamView get(@PathVariable long id) {
		return cards.view(teams.get(id), clock.instant());
	}

	/** A listing's team terms as a resident sees them. */
	record TermsView(long listingId, int teamSize, int timeLimitMinutes, long teamPriceFen, boolean allowFewer) {
	}

	@GetMapping("/terms/{listingId}")
	@Operation(summary = "The team terms of a listing (404: not a team listing)")
	TermsView terms(@PathVariable long listingId) {
		var t = teams.terms(new ListingId(listingId)).orElseThrow(() -> new NotFoundException("team terms", listingId));
		return new TermsView(listingId, t.teamSize(), t.timeLimitMinutes(), t.teamPrice().fen(), t.allowFewer());
	}
}
