package com.linli.marketing.internal.teams.web;

import java.time.Clock;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.marketing.ListingId;
import com.linli.marketing.TeamManagement;
import com.linli.marketing.TeamTerms;
import com.linli.marketing.internal.teams.web.TeamCards.TeamView;
import com.linli.network.RegionId;
import com.linli.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators give listings team terms and follow their teams, in their regions. */
@RestController
@RequestMapping("/api/admin/marketing")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "teams (operators)", description = "拼团: team terms of listings and their teams")
class TeamAdminRestController {

	private final TeamManagement teams;

	private final TeamCards cards;

	private final Clock clock;

	TeamAdminRestController(TeamManagement teams, TeamCards cards, Clock clock) {
		this.teams = teams;
		this.cards = cards;
		this.clock = clock;
	}

	record TermsRequest(@NotNull @Min(TeamTerms.MIN_SIZE) @Max(TeamTerms.MAX_SIZE) Integer teamSize,
			@NotNull @Min(1) @Max(TeamTerms.MAX_TIME_LIMIT_MINUTES) Integer timeLimitMinutes,
			@NotNull @Positive Long teamPriceFen, boolean allowFewer) {
	}

	record TermsView(long listingId, int teamSize, int timeLimitMinutes, long teamPriceFen, boolean allowFewer) {

		static TermsView of(TeamTerms t) {
			return new TermsView(t.listing().value(), t.teamSize(), t.timeLimitMinutes(), t.teamPrice().fen(),
					t.allowFewer());
		}
	}

	@PutMapping("/team-listings/{listingId}")
	@Operation(summary = "Give a listing team terms (or change them) before its cutoff",
			description = "Team size 2–50, time limit in minutes, team price below the group price; allowFewer lets an "
					+ "unfilled team with paid members succeed at its deadline instead of being refunded.")
	TermsView setTerms(Actor actor, @PathVariable long listingId, @Valid @RequestBody TermsRequest request) {
		return TermsView.of(teams.setTerms(actor, new TeamTerms(new ListingId(listingId), request.teamSize(),
				request.timeLimitMinutes(), Money.ofFen(request.teamPriceFen()), request.allowFewer())));
	}

	@GetMapping("/team-listings")
	@Operation(summary = "The team listings of a region not yet past their cutoff")
	List<TermsView> termsOfRegion(Actor actor, @RequestParam long regionId) {
		return teams.termsOfRegion(actor, new RegionId(regionId)).stream().map(TermsView::of).toList();
	}

	@GetMapping("/team-listings/{listingId}/teams")
	@Operation(summary = "A listing's teams with their status and members, newest first")
	List<TeamView> teamsOf(Actor actor, @PathVariable long listingId) {
		return cards.views(teams.teamsOf(actor, new ListingId(listingId)), clock.instant());
	}

	@GetMapping("/teams/{id}")
	@Operation(summary = "One team (in the operator's regions)")
	TeamView team(Actor actor, @PathVariable long id) {
		return cards.view(teams.get(actor, id), clock.instant());
	}
}
