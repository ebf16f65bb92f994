package com.linli.marketing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.marketing.internal.teams.TeamDeadlines;
import com.linli.marketing.internal.teams.TeamQueries;
import com.linli.marketing.internal.teams.TeamTermsCache;
import com.linli.marketing.internal.teams.Teams;
import com.linli.network.RegionId;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group-buy teams (拼团): operators give a listing its team terms; residents open and join teams by
 * ordering with a {@link TeamIntent} (the places are taken in the order's transaction, see
 * {@link OrderPromotions}); a team fills when its size of members paid, and closes at its deadline
 * ({@link TeamExpired}: ordering refunds every member). This service holds the operator's and the
 * readers' side.
 */
@Service
public class TeamManagement {

	private final Teams teams;

	private final TeamQueries queries;

	private final TeamTermsCache cache;

	private final TeamDeadlines deadlines;

	private final ListingManagement listings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TeamManagement(Teams teams, TeamQueries queries, TeamTermsCache cache, TeamDeadlines deadlines,
			ListingManagement listings, ApplicationEventPublisher events, Clock clock) {
		this.teams = teams;
		this.queries = queries;
		this.cache = cache;
		this.deadlines = deadlines;
		this.listings = listings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Gives a listing (active, before its cutoff, in the operator's regions) its team terms, or changes
	 * them; teams already open keep the size and rule they were opened with.
	 */
	@Transactional
	public TeamTerms setTerms(Actor actor, TeamTerms terms) {
		Listing listing = listings.get(terms.listing());
		actor.checkManagesRegion(listing.regionId().value());
		Instant now = clock.instant();
		if (!listing.isEditableAt(now)) {
			throw new BusinessRuleException("listing-closed", "listingId",
					Text.of("marketing.problem.listingPastCutoff", listing.id()));
		}
		terms.check(listing.groupPrice());
		teams.saveTerms(terms, listing.regionId(), now);
		cache.evict(terms.listing());
		events.publishEvent(new AdminChange(actor.actedBy(), "team.terms", "listing:" + listing.id().value(),
				"size=" + terms.teamSize() + " limit=" + terms.timeLimitMinutes() + "min price=" + terms.teamPrice()
						+ " fewer=" + terms.allowFewer()));
		return terms;
	}

	/** A listing's team terms, from the cache (residents' pages ask this often). */
	public java.util.Optional<TeamTerms> terms(ListingId listing) {
		return cache.terms(listing);
	}

	/** The team terms of the region's listings not yet past their cutoff (the console). */
	public List<TeamTerms> termsOfRegion(Actor actor, RegionId region) {
		actor.checkRegion(region.value());
		return teams.termsOfRegion(region, clock.instant());
	}

	/** One team with its members (the share page and the API: anyone signed in may look). */
	public Team get(long teamId) {
		return queries.find(teamId).orElseThrow(() -> new NotFoundException("team", teamId));
	}

	/** One team, for an operator of its region. */
	public Team get(Actor actor, long teamId) {
		Team team = get(teamId);
		if (!actor.managesRegion(team.region().value())) {
			throw new NotFoundException("team", teamId);
		}
		return team;
	}

	/** The region's teams that still take members, soonest deadline first (the storefront's home). */
	public List<Team> joinable(RegionId region, int limit) {
		return queries.joinable(region, clock.instant(), Math.min(Math.max(limit, 1), 100));
	}

	/** A listing's teams, newest first (the console). */
	public List<Team> teamsOf(Actor actor, ListingId listing) {
		actor.checkManagesRegion(listings.get(listing).regionId().value());
		return queries.ofListing(listing, 200);
	}

	/** Closes the teams past their deadline now (the job does it every few seconds); answers how many. */
	public int closeDue() {
		return deadlines.closeDue();
	}
}
