package com.linli.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.linli.demo.LoadedCity;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.FlashSaleManagement;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.NewFlashSale;
import com.linli.marketing.TeamIntent;
import com.linli.marketing.TeamManagement;
import com.linli.marketing.TeamTerms;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.ResidentBindingManagement;
import com.linli.ordering.TeamOrderManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Brings flash sales and group-buy teams to the demo city, through marketing's and ordering's public APIs: in
 * each region, one listing open now becomes a flash sale starting later today (at half its price), and three
 * more get team terms (teams of 3 at 80 %), each with an open team that a resident or two already joined.
 * Listings not open now (the city lists tomorrow's at 10:00) get terms and a flash sale only.
 */
@Component
class TeamsDemo {

	private static final Logger log = LoggerFactory.getLogger(TeamsDemo.class);

	private static final Actor DEMO = Actor.system("demo-teams");

	private final ListingManagement listings;

	private final FlashSaleManagement flashSales;

	private final TeamManagement teams;

	private final TeamOrderManagement teamOrders;

	private final PickupPointManagement pickupPoints;

	private final ResidentBindingManagement bindings;

	private final Clock clock;

	TeamsDemo(ListingManagement listings, FlashSaleManagement flashSales, TeamManagement teams,
			TeamOrderManagement teamOrders, PickupPointManagement pickupPoints, ResidentBindingManagement bindings,
			Clock clock) {
		this.listings = listings;
		this.flashSales = flashSales;
		this.teams = teams;
		this.teamOrders = teamOrders;
		this.pickupPoints = pickupPoints;
		this.bindings = bindings;
		this.clock = clock;
	}

	/** Seeds every region of the city; a refusal (a listing that closed meanwhile) skips that one thing. */
	void seed(LoadedCity city) {
		if (city == null) {
			return;
		}
		for (RegionId region : city.regions()) {
			try {
				seed(region);
			}
			catch (BusinessRuleException e) {
				log.warn("Demo city: teams and flash sales of region {} not seeded: {}", region, e.getMessage());
			}
		}
	}

	private void seed(RegionId region) {
		Instant now = clock.instant();
		List<Listing> open = listings.openListings(region, now).stream()
			.filter(l -> l.groupPrice().fen() >= 200 && l.remaining() >= 10).toList();
		if (open.isEmpty()) {
			return;
		}
		Listing flash = open.get(0);
		Instant start = now.plus(Duration.ofHours(2));
		if (!start.isBefore(flash.cutoffAt().minus(Duration.ofMinutes(30)))) {
			start = now.plus(Duration.between(now, flash.cutoffAt()).dividedBy(2));
		}
		flashSales.save(DEMO, new NewFlashSale(flash.id(), Money.ofFen(flash.groupPrice().fen() / 2), start, null, 0, null));
		List<AccountId> residents = new ArrayList<>(bindings.residentsOf(pickupPoints.pickupPoints(region).stream()
			.map(p -> p.id()).toList()).values().stream().flatMap(List::stream).limit(12).toList());
		int opened = 0;
		for (Listing listing : open.subList(1, Math.min(open.size(), 4))) {
			teams.setTerms(DEMO, new TeamTerms(listing.id(), 3, 240, Money.ofFen(listing.groupPrice().fen() * 8 / 10), false));
			if (residents.size() < 2) {
				continue;
			}
			var opener = residents.remove(0);
			teamOrders.place(opener, "demo-team-open-" + listing.id().value(), listing.id(), TeamIntent.open());
			long teamId = teams.joinable(region, 100).stream().filter(t -> t.listing().equals(listing.id()))
				.findFirst().orElseThrow().id();
			if (opened++ % 2 == 0) {
				var member = residents.remove(0);
				teamOrders.place(member, "demo-team-join-" + teamId, listing.id(), TeamIntent.join(teamId));
			}
		}
		log.info("Demo city: region {} has a flash sale at {} and {} open team(s)", region, start, opened);
	}
}
