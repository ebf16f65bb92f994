package com.linli.marketing.internal.teams.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuManagement;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.Team;

import org.springframework.stereotype.Component;

/** Teams as the API and the pages show them: with the product, the usual price and the time left. */
@Component
class TeamCards {

	private final ListingManagement listings;

	private final SkuManagement catalog;

	TeamCards(ListingManagement listings, SkuManagement catalog) {
		this.listings = listings;
		this.catalog = catalog;
	}

	/** A team on the API; money in fen, {@code secondsLeft} counted from the server's {@code now}. */
	record TeamView(long id, long listingId, String name, String spec, String imageUrl, int size, int members,
			int paidMembers, int placesLeft, long teamPriceFen, long groupPriceFen, String status, boolean allowFewer,
			Instant openedAt, Instant deadlineAt, long secondsLeft, List<MemberView> memberList, String shareUrl) {
	}

	/** A place in the team (the name masked). */
	record MemberView(String name, boolean paid, Instant joinedAt) {
	}

	List<TeamView> views(List<Team> teams, Instant now) {
		var found = listings.cachedListings(teams.stream().map(Team::listing).distinct().toList());
		Map<com.linli.catalog.SkuId, Sku> skus = catalog.cachedSkus(found.values().stream().map(Listing::skuId).distinct().toList());
		List<TeamView> views = new ArrayList<>(teams.size());
		for (Team t : teams) {
			Listing listing = found.get(t.listing());
			Sku sku = listing == null ? null : skus.get(listing.skuId());
			views.add(new TeamView(t.id(), t.listing().value(), sku == null ? null : sku.productName(),
					sku == null ? null : sku.spec(), sku == null ? null : sku.imageUrl(), t.size(), t.members(),
					t.paidMembers(), t.placesLeft(), t.teamPrice().fen(), listing == null ? 0 : listing.groupPrice().fen(),
					t.status().name(), t.allowFewer(), t.openedAt(), t.deadlineAt(), t.timeLeft(now).toSeconds(),
					t.memberList().stream().map(m -> new MemberView(m.displayName(), m.paid(), m.joinedAt())).toList(),
					"/shop/teams/" + t.id()));
		}
		return views;
	}

	TeamView view(Team team, Instant now) {
		return views(List.of(team), now).get(0);
	}

	/** The product of a listing, for pages that show terms without a team. */
	Sku skuOf(ListingId listing) {
		var l = listings.cachedListings(List.of(listing)).get(listing);
		return l == null ? null : catalog.cachedSkus(List.of(l.skuId())).get(l.skuId());
	}
}
