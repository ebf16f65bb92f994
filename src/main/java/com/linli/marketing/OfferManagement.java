package com.linli.marketing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.internal.offers.OfferBook;
import com.linli.marketing.internal.offers.Offers;
import com.linli.marketing.internal.offers.Residents;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New-resident first-order offers, 1-yuan offers (one per resident) and gifts with purchase: operators
 * create and stop them in their regions; the storefront asks which offers a resident may still have.
 */
@Service
public class OfferManagement {

	private final Offers offers;

	private final OfferBook book;

	private final Residents residents;

	private final ListingManagement listings;

	private final RegionManagement network;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OfferManagement(Offers offers, OfferBook book, Residents residents, ListingManagement listings,
			RegionManagement network, ApplicationEventPublisher events, Clock clock) {
		this.offers = offers;
		this.book = book;
		this.residents = residents;
		this.listings = listings;
		this.network = network;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates an offer on a listing: its price above zero and below the listing's group price, by default for
	 * the listing's sales window. A new-resident offer is always for new residents only.
	 */
	@Transactional
	public Offer create(Actor actor, NewOffer o) {
		if (o.listingId() == null) {
			throw new InvalidInputException("listingId", Text.of("marketing.campaigns.problem.required"));
		}
		if (o.kind() == null) {
			throw new InvalidInputException("kind", Text.of("marketing.campaigns.problem.required"));
		}
		Listing listing = listings.find(o.listingId())
			.orElseThrow(() -> new InvalidInputException("listingId", Text.of("marketing.campaigns.problem.noListing", o.listingId())));
		actor.checkManagesRegion(listing.regionId().value());
		if (o.price() == null || o.price().fen() <= 0 || o.price().compareTo(listing.groupPrice()) >= 0) {
			throw new InvalidInputException("price", Text.of("marketing.campaigns.problem.discountPrice", listing.groupPrice()));
		}
		Offer.Audience audience = o.kind() == Offer.Kind.NEW_RESIDENT ? Offer.Audience.NEW_RESIDENTS
				: o.audience() == null ? Offer.Audience.EVERYONE : o.audience();
		Instant startsAt = o.startsAt() != null ? o.startsAt() : listing.opensAt();
		Instant endsAt = o.endsAt() != null ? o.endsAt() : listing.cutoffAt();
		if (!endsAt.isAfter(startsAt)) {
			throw new InvalidInputException("endsAt", Text.of("marketing.campaigns.problem.period"));
		}
		long id = offers.insert(listing.regionId(), listing.id(), o.kind(), audience, o.price(), startsAt, endsAt, clock.instant());
		book.changed();
		events.publishEvent(new AdminChange(actor.actedBy(), "offer.create", "offer:" + id,
				o.kind() + " listing=" + listing.id() + " price=" + o.price() + " " + audience));
		return offers.find(id).orElseThrow();
	}

	@Transactional
	public void deactivate(Actor actor, long id) {
		Offer o = offers.find(id).orElseThrow(() -> new NotFoundException("offer", id));
		actor.checkManagesRegion(o.regionId().value());
		offers.deactivate(id);
		book.changed();
		events.publishEvent(new AdminChange(actor.actedBy(), "offer.deactivate", "offer:" + id, null));
	}

	public List<Offer> list(Actor actor, Long regionId) {
		return offers.list(actor.regionFilter(regionId).idsOrNull());
	}

	/** Creates a gift with purchase in a region. */
	@Transactional
	public Gift createGift(Actor actor, NewGift g) {
		if (g.regionId() == null) {
			throw new InvalidInputException("regionId", Text.of("marketing.campaigns.problem.required"));
		}
		actor.checkManagesRegion(g.regionId().value());
		network.getRegion(g.regionId());
		if (g.giftName() == null || g.giftName().isBlank() || g.giftName().strip().length() > 60) {
			throw new InvalidInputException("giftName", Text.of("marketing.campaigns.problem.name"));
		}
		if (g.threshold() == null || g.threshold().fen() <= 0) {
			throw new InvalidInputException("threshold", Text.of("marketing.campaigns.problem.budget"));
		}
		Instant startsAt = g.startsAt() != null ? g.startsAt() : clock.instant();
		if (g.endsAt() == null) {
			throw new InvalidInputException("endsAt", Text.of("marketing.campaigns.problem.required"));
		}
		if (!g.endsAt().isAfter(startsAt)) {
			throw new InvalidInputException("endsAt", Text.of("marketing.campaigns.problem.period"));
		}
		long id = offers.insertGift(g.regionId(), g.threshold(), g.giftName().strip(), startsAt, g.endsAt(), clock.instant());
		book.changed();
		events.publishEvent(new AdminChange(actor.actedBy(), "gift.create", "gift:" + id, g.giftName() + " over " + g.threshold()));
		return offers.findGift(id).orElseThrow();
	}

	@Transactional
	public void deactivateGift(Actor actor, long id) {
		Gift g = offers.findGift(id).orElseThrow(() -> new NotFoundException("gift", id));
		actor.checkManagesRegion(g.regionId().value());
		offers.deactivateGift(id);
		book.changed();
		events.publishEvent(new AdminChange(actor.actedBy(), "gift.deactivate", "gift:" + id, null));
	}

	public List<Gift> gifts(Actor actor, Long regionId) {
		return offers.gifts(actor.regionFilter(regionId).idsOrNull());
	}

	/** The gifts an order was given and not returned (the leader's pick list does not show them yet). */
	public List<String> giftsOfOrder(long orderId) {
		return offers.giftsOfOrder(orderId);
	}

	/** Whether the resident has no paid order yet (cached). */
	public boolean isNewResident(AccountId resident) {
		return residents.isNew(resident);
	}

	/** The new-resident offers on at {@code at} in a region (cached), for the storefront. */
	public List<Offer> newResidentOffers(RegionId region, Instant at) {
		return book.of(region).offers().values().stream().flatMap(List::stream)
			.filter(o -> o.kind() == Offer.Kind.NEW_RESIDENT && o.isOnAt(at)).toList();
	}

	/** The 1-yuan offers a resident may still take at {@code at} (none once they used one). */
	public List<Offer> oneYuanOffersFor(AccountId resident, RegionId region, Instant at) {
		List<Offer> on = book.of(region).offers().values().stream().flatMap(List::stream)
			.filter(o -> o.kind() == Offer.Kind.ONE_YUAN && o.isOnAt(at)).toList();
		// the resident is looked up only when the region has a 1-yuan offer on
		if (on.isEmpty() || residents.usedOneYuanOffer(resident)) {
			return List.of();
		}
		boolean onlyForNew = on.stream().anyMatch(Offer::forNewResidentsOnly);
		boolean isNew = onlyForNew && residents.isNew(resident);
		return on.stream().filter(o -> isNew || !o.forNewResidentsOnly()).toList();
	}

}
