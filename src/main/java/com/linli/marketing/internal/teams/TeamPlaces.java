package com.linli.marketing.internal.teams;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.linli.identity.AccountId;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.PriceRequest;
import com.linli.marketing.TeamIntent;
import com.linli.marketing.TeamStatus;
import com.linli.marketing.TeamTerms;
import com.linli.marketing.internal.OrderPromotionHook;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * What a group-buy order does to its team, inside the order's transaction: placing it opens a team or
 * takes a place in one (a full, closed or unknown team, or a second place of the same resident, refuses
 * and so undoes the order); paying it counts the place as paid and fills the team when its size have
 * paid; cancelling or expiring it frees the place. Every write is keyed by the order id, so a retry
 * changes nothing.
 */
@Component
class TeamPlaces implements OrderPromotionHook {

	private final Teams teams;

	private final TeamTermsCache cache;

	private final ListingManagement listings;

	TeamPlaces(Teams teams, TeamTermsCache cache, ListingManagement listings) {
		this.teams = teams;
		this.cache = cache;
		this.listings = listings;
	}

	@Override
	public void placed(PlacedOrder order) {
		TeamIntent intent = order.request() == null ? null : order.request().team();
		if (intent == null || teams.teamOfOrder(order.orderId()).isPresent()) {
			return;
		}
		if (intent.opens()) {
			open(order);
		}
		else {
			join(order, intent.teamId());
		}
	}

	private void open(PlacedOrder order) {
		List<TeamTerms> teamLines = order.request().lines().stream().map(PriceRequest.Line::listing)
			.flatMap(l -> cache.terms(l).stream()).toList();
		if (teamLines.isEmpty()) {
			throw refusal("not-a-team-listing", "marketing.teams.problem.notTeamListing");
		}
		if (teamLines.size() > 1) {
			throw refusal("one-team-per-order", "marketing.teams.problem.oneTeamPerOrder");
		}
		TeamTerms terms = teamLines.get(0);
		var listing = listings.cachedListings(List.of(terms.listing())).get(terms.listing());
		Instant byLimit = order.at().plus(Duration.ofMinutes(terms.timeLimitMinutes()));
		// a team never outlives its listing: after the cutoff nobody could join it any more
		Instant deadline = listing == null || byLimit.isBefore(listing.cutoffAt()) ? byLimit : listing.cutoffAt();
		if (!deadline.isAfter(order.at())) {
			throw refusal("team-closed", "marketing.teams.problem.closed");
		}
		RegionId region = listing == null ? order.region() : listing.regionId();
		teams.open(terms, region, order.resident(), order.orderId(), order.at(), deadline);
	}

	private void join(PlacedOrder order, long teamId) {
		ListingId listing = cache.listingOf(teamId)
			.orElseThrow(() -> refusal("team-unknown", "marketing.teams.problem.unknown", teamId));
		if (order.request().lines().stream().noneMatch(l -> l.listing().equals(listing))) {
			throw refusal("team-listing-missing", "marketing.teams.problem.listingMissing");
		}
		AccountId resident = order.resident();
		if (teams.holdsPlace(teamId, resident)) {
			throw refusal("team-joined-twice", "marketing.teams.problem.joinedTwice");
		}
		boolean taken;
		try {
			taken = teams.join(teamId, listing, resident, order.orderId(), order.at());
		}
		catch (DuplicateKeyException e) {
			// the same resident's other order took its place a moment before
			throw refusal("team-joined-twice", "marketing.teams.problem.joinedTwice");
		}
		if (!taken) {
			var team = teams.load(teamId).orElseThrow();
			if (team.status() != TeamStatus.OPEN || !order.at().isBefore(team.deadlineAt())) {
				throw refusal("team-closed", "marketing.teams.problem.closed");
			}
			throw refusal("team-full", "marketing.teams.problem.full", team.size());
		}
	}

	@Override
	public void paid(long orderId, AccountId resident, RegionId region, Money paid, Instant at) {
		teams.markPaid(orderId, at).ifPresent(counts -> {
			long teamId = counts[0];
			if (counts[1] >= counts[2]) {
				var team = teams.load(teamId).orElseThrow();
				team.fill(teams.memberOrders(teamId), at);
				teams.save(team);
			}
		});
	}

	@Override
	public void cancelled(long orderId, AccountId resident, Instant at) {
		teams.release(orderId, at);
	}

	private static BusinessRuleException refusal(String code, String message, Object... args) {
		return new BusinessRuleException(code, "teamId", Text.of(message, args));
	}
}
