package com.linli.marketing.internal.teams.web;

import com.linli.marketing.ListingId;
import com.linli.marketing.TeamManagement;
import com.linli.marketing.TeamTerms;

import org.springframework.stereotype.Component;

/**
 * What the product page asks of teams ({@code ${@teamShop.termsOf(id)}} in its "start a team" fragment): the
 * listing's team terms from the cache, or null when it has none.
 */
@Component("teamShop")
public class TeamShop {

	private final TeamManagement teams;

	TeamShop(TeamManagement teams) {
		this.teams = teams;
	}

	public TeamTerms termsOf(long listingId) {
		return teams.terms(new ListingId(listingId)).orElse(null);
	}
}
