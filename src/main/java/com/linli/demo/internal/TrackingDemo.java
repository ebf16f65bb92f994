package com.linli.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.linli.analytics.TrackingHistory;
import com.linli.demo.LoadedCity;
import com.linli.identity.AccountId;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.Storefront;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.ordering.ProductSalesFigures;
import com.linli.shared.TrackedEvent;
import com.linli.shared.TrackedEvent.Client;
import com.linli.shared.TrackedEvent.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The storefront events behind the demo city's orders, so the funnel and active users show something on a fresh
 * start. Every paid order of the last days gets what led to it (a storefront visit, a product view, add to cart and
 * checkout of each line, minutes before it was paid; the payment itself is recorded from {@code OrderPaid}); and
 * residents of the city who did not pay browse, some add to the cart and a few start a checkout, so views &gt; carts
 * &gt; checkouts &gt; payments. Only residents bound to the city's pickup points, only listings that were open.
 */
@Component
class TrackingDemo {

	private static final Logger log = LoggerFactory.getLogger(TrackingDemo.class);

	/** How many days back the browsing goes. */
	static final int DAYS = 7;

	private final TrackingHistory history;

	private final ProductSalesFigures sales;

	private final ResidentBindingManagement bindings;

	private final PickupPointManagement pickupPoints;

	private final ListingManagement listings;

	private final Storefront storefront;

	private final RegionManagement regions;

	private final Clock clock;

	private final com.linli.network.CommunityManagement communities;

	private final com.linli.network.CommunityProfileManagement profiles;

	TrackingDemo(com.linli.network.CommunityManagement communities,
			com.linli.network.CommunityProfileManagement profiles, TrackingHistory history, ProductSalesFigures sales, ResidentBindingManagement bindings,
			PickupPointManagement pickupPoints, ListingManagement listings, Storefront storefront,
			RegionManagement regions, Clock clock) {
		this.communities = communities;
		this.profiles = profiles;
		this.history = history;
		this.sales = sales;
		this.bindings = bindings;
		this.pickupPoints = pickupPoints;
		this.listings = listings;
		this.storefront = storefront;
		this.regions = regions;
		this.clock = clock;
	}

	void seed(LoadedCity city, long seed) {
		try {
			int written = 0;
			for (var region : city.regions()) {
				ageMix(region, new Random(seed * 31 + region.value()));
				written += seed(region, new Random(seed ^ region.value()));
			}
			log.info("Demo city: {} storefront event(s) recorded for the funnels", written);
		}
		catch (RuntimeException e) {
			log.error("Demo city: the storefront events could not be recorded; funnels start empty", e);
		}
	}

	private int seed(RegionId region, Random random) {
		Instant now = clock.instant();
		var zone = regions.getRegion(region).zone();
		var events = new ArrayList<TrackedEvent>();
		// what led to each paid order: one visit, then per line a view, a cart and the checkout
		Map<Long, List<ProductSalesFigures.PaidLine>> orders = new LinkedHashMap<>();
		sales.paidLines(region, now.minus(Duration.ofDays(DAYS)), now)
			.forEach(l -> orders.computeIfAbsent(l.orderId(), k -> new ArrayList<>()).add(l));
		Set<Long> payers = new HashSet<>();
		for (var lines : orders.values()) {
			var first = lines.get(0);
			payers.add(first.residentId());
			Instant paid = first.paidAt();
			events.add(event(Kind.PAGE_VIEW, paid.minusSeconds(600), first.residentId(), first.pickupPointId(), region));
			for (var l : lines) {
				events.add(event(Kind.PRODUCT_VIEW, paid.minusSeconds(480), l.residentId(), l.pickupPointId(), region)
					.product(l.listingId(), l.skuId()));
				events.add(event(Kind.ADD_TO_CART, paid.minusSeconds(360), l.residentId(), l.pickupPointId(), region)
					.product(l.listingId(), l.skuId()));
				events.add(event(Kind.CHECKOUT, paid.minusSeconds(120), l.residentId(), l.pickupPointId(), region)
					.product(l.listingId(), l.skuId()).order(l.orderId()));
			}
		}
		// residents who looked and did not pay
		var points = pickupPoints.pickupPoints(region);
		Map<PickupPointId, PickupPoint> byId = new LinkedHashMap<>();
		points.forEach(p -> byId.put(p.id(), p));
		List<long[]> browsers = new ArrayList<>();
		bindings.residentsOf(byId.keySet()).forEach((point, residents) -> residents.stream()
			.map(AccountId::value)
			.filter(r -> !payers.contains(r))
			.forEach(r -> browsers.add(new long[] { r, point.value() })));
		LocalDate today = LocalDate.ofInstant(now, zone);
		for (int d = DAYS - 1; d >= 0; d--) {
			LocalDate day = today.minusDays(d);
			List<Listing> open = listings.listingsFor(region, day.plusDays(1));
			if (open.isEmpty() || browsers.isEmpty()) {
				continue;
			}
			int visitors = Math.max(1, browsers.size() / 6);
			for (int i = 0; i < visitors; i++) {
				long[] b = browsers.get(random.nextInt(browsers.size()));
				Instant at = day.atTime(8 + random.nextInt(13), random.nextInt(60)).atZone(zone).toInstant();
				if (at.isAfter(now)) {
					continue;
				}
				events.add(event(Kind.PAGE_VIEW, at, b[0], b[1], region));
				if (random.nextInt(100) < 15) {
					var listing = open.get(random.nextInt(open.size()));
					String name = storefront.item(listing.id()).map(s -> s.sku().productName()).orElse(null);
					if (name != null) {
						String query = name.length() > 2 ? name.substring(0, 2) : name;
						int found = storefront.search(region, new PickupPointId(b[1]), query, at).size();
						events.add(event(Kind.SEARCH, at.plusSeconds(20), b[0], b[1], region).search(query, found));
					}
				}
				if (random.nextInt(100) >= 60) {
					continue;
				}
				var listing = open.get(random.nextInt(open.size()));
				events.add(event(Kind.PRODUCT_VIEW, at.plusSeconds(40), b[0], b[1], region)
					.product(listing.id().value(), listing.skuId().value()));
				if (random.nextInt(100) >= 30) {
					continue;
				}
				events.add(event(Kind.ADD_TO_CART, at.plusSeconds(90), b[0], b[1], region)
					.product(listing.id().value(), listing.skuId().value()));
				if (random.nextInt(100) < 35) {
					events.add(event(Kind.CHECKOUT, at.plusSeconds(150), b[0], b[1], region)
						.product(listing.id().value(), listing.skuId().value()));
				}
			}
		}
		history.write(events);
		return events.size();
	}

	/**
	 * The operator's record of each community's age mix (for product analysis by community type): young, family
	 * and senior communities in about equal numbers, a few mixed.
	 */
	private void ageMix(RegionId region, Random random) {
		var actor = com.linli.identity.Actor.system("demo");
		for (var c : communities.communities(region)) {
			int kind = random.nextInt(7);
			int a = 50 + random.nextInt(21);
			int b = random.nextInt(101 - a);
			int[] mix = switch (kind) {
				case 0, 1 -> new int[] { a, b, 100 - a - b };
				case 2, 3 -> new int[] { b, a, 100 - a - b };
				case 4, 5 -> new int[] { 100 - a - b, b, a };
				default -> new int[] { 34, 33, 33 };
			};
			profiles.record(actor, c.id(), mix[0], mix[1], mix[2]);
		}
	}

	private static TrackedEvent event(Kind kind, Instant at, long resident, long point, RegionId region) {
		return TrackedEvent.of(kind, at, resident, Client.H5).at(point, region.value());
	}
}
