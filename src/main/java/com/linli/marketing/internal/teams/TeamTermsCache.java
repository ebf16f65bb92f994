package com.linli.marketing.internal.teams;

import java.time.Duration;
import java.util.Optional;

import com.linli.marketing.ListingId;
import com.linli.marketing.TeamTerms;
import com.linli.shared.ReadCache;

import org.springframework.stereotype.Component;

/**
 * The cached team terms of listings and the listing of each team, read on every group-buy quote and
 * order (the order path asks no query per rule). Terms are evicted on change; a team's listing never
 * changes.
 */
@Component
public class TeamTermsCache {

	private final Teams teams;

	private final ReadCache<ListingId, Optional<TeamTerms>> terms = new ReadCache<>("marketing.team-terms", Duration.ofSeconds(30), 50_000);

	private final ReadCache<Long, Optional<ListingId>> listingOfTeam = new ReadCache<>("marketing.team-listing", Duration.ofHours(1), 100_000);

	TeamTermsCache(Teams teams) {
		this.teams = teams;
	}

	public Optional<TeamTerms> terms(ListingId listing) {
		return terms.get(listing, teams::terms);
	}

	/** The listing of a team; empty for an unknown team (not remembered, it may be opened any moment). */
	public Optional<ListingId> listingOf(long teamId) {
		var found = listingOfTeam.get(teamId, id -> teams.load(id).map(TeamState::listing).map(Optional::of).orElse(null));
		return found == null ? Optional.empty() : found;
	}

	public void evict(ListingId listing) {
		terms.evict(listing);
	}
}
