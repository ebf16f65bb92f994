package com.linli.marketing.internal.offers;

import com.linli.network.RegionId;

/** Where the offer calculators read a region's offers (the cache; a fixed value in unit tests). */
@FunctionalInterface
public interface OfferSource {

	RegionOffers of(RegionId region);
}
