package com.linli.marketing.internal.offers.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.marketing.OfferManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The offers a signed-in resident may still take in a region. */
@RestController
@RequestMapping("/api/marketing/offers")
@Tag(name = "offers (residents)", description = "the new-resident offer and the 1-yuan offer")
class MyOffersRestController {

	private final OfferManagement offers;

	private final RegionManagement network;

	private final Clock clock;

	MyOffersRestController(OfferManagement offers, RegionManagement network, Clock clock) {
		this.offers = offers;
		this.network = network;
		this.clock = clock;
	}

	@GetMapping("/mine")
	@Operation(summary = "My offers in a region", description = "newResident: no paid order yet. The new-resident "
			+ "offers only for a new resident; the 1-yuan offers until the resident used one.")
	MyOffers mine(Actor actor, @RequestParam long regionId) {
		var resident = actor.requireAccount();
		var region = network.getRegion(new RegionId(regionId)).id();
		Instant now = clock.instant();
		boolean isNew = offers.isNewResident(resident);
		return new MyOffers(isNew,
				isNew ? offers.newResidentOffers(region, now).stream().map(o -> new Item(o.id(), o.listingId().value(),
						o.price().fen(), o.endsAt())).toList() : List.of(),
				offers.oneYuanOffersFor(resident, region, now).stream().map(o -> new Item(o.id(), o.listingId().value(),
						o.price().fen(), o.endsAt())).toList());
	}

	record Item(long offerId, long listingId, long priceFen, Instant endsAt) {
	}

	record MyOffers(boolean newResident, List<Item> newResidentOffers, List<Item> oneYuanOffers) {
	}
}
