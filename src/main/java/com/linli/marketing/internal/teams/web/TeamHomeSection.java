package com.linli.marketing.internal.teams.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.marketing.TeamManagement;
import com.linli.marketing.internal.teams.web.TeamCards.TeamView;
import com.linli.marketing.internal.web.HomeSection;
import com.linli.network.PickupPoint;

import org.springframework.stereotype.Component;

/**
 * The storefront's open group-buy teams of the region: members of size, places left and a countdown to the
 * deadline (counted from the server's time in the page), each linking to its share page.
 */
@Component
class TeamHomeSection implements HomeSection {

	private final TeamManagement teams;

	private final TeamCards cards;

	TeamHomeSection(TeamManagement teams, TeamCards cards) {
		this.teams = teams;
		this.cards = cards;
	}

	record Model(long serverNow, List<TeamView> teams) {
	}

	@Override
	public int position() {
		return 20;
	}

	@Override
	public String template() {
		return "marketing/teams-home";
	}

	@Override
	public Optional<Object> model(AccountId resident, PickupPoint point, Instant now, ZoneId zone) {
		var open = teams.joinable(point.regionId(), 6);
		return open.isEmpty() ? Optional.empty() : Optional.of(new Model(now.toEpochMilli(), cards.views(open, now)));
	}
}
