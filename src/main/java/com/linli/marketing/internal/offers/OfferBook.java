package com.linli.marketing.internal.offers;

import java.time.Duration;

import com.linli.network.RegionId;
import com.linli.shared.ReadCache;

import org.springframework.stereotype.Component;

/** The cache of every region's offers and gifts: two queries per region when loaded, cleared by every change. */
@Component
public class OfferBook implements OfferSource {

	private final ReadCache<RegionId, RegionOffers> cache = new ReadCache<>("marketing.offer", Duration.ofSeconds(30), 10_000);

	private final Offers offers;

	OfferBook(Offers offers) {
		this.offers = offers;
	}

	@Override
	public RegionOffers of(RegionId region) {
		return cache.get(region, r -> RegionOffers.of(offers.activeIn(r), offers.activeGiftsIn(r)));
	}

	public void changed() {
		cache.clear();
	}
}
