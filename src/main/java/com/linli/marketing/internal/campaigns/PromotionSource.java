package com.linli.marketing.internal.campaigns;

import com.linli.network.RegionId;

/** Where the calculators read a region's promotions (the cache; a fixed value in unit tests). */
@FunctionalInterface
public interface PromotionSource {

	RegionPromotions of(RegionId region);
}
