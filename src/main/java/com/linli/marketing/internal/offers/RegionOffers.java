package com.linli.marketing.internal.offers;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.linli.marketing.Gift;
import com.linli.marketing.ListingId;
import com.linli.marketing.Offer;
import com.linli.shared.Money;

/** A region's active offers by listing and its gifts with purchase, as cached for the price engine. */
public record RegionOffers(Map<ListingId, List<Offer>> offers, List<Gift> gifts) {

	public static final RegionOffers NONE = new RegionOffers(Map.of(), List.of());

	public RegionOffers {
		offers = Map.copyOf(offers);
		gifts = List.copyOf(gifts);
	}

	public static RegionOffers of(List<Offer> offers, List<Gift> gifts) {
		return new RegionOffers(offers.stream().collect(Collectors.groupingBy(Offer::listingId)), gifts);
	}

	public List<Offer> of(ListingId listing, Offer.Kind kind, Instant at) {
		return offers.getOrDefault(listing, List.of()).stream().filter(o -> o.kind() == kind && o.isOnAt(at)).toList();
	}

	public boolean hasAny(Offer.Kind kind) {
		return offers.values().stream().flatMap(List::stream).anyMatch(o -> o.kind() == kind);
	}

	/** The gift of the highest threshold that {@code amount} reaches at {@code at}. */
	public Optional<Gift> giftFor(Money amount, Instant at) {
		return gifts.stream().filter(g -> g.isOnAt(at) && amount.compareTo(g.threshold()) >= 0)
			.max(Comparator.comparing(Gift::threshold).thenComparing(g -> -g.id()));
	}
}
