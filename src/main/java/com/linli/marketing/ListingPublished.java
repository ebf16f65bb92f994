package com.linli.marketing;

import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;

/** A listing went on sale (or will at its opening time) in a region for a pickup date. */
public record ListingPublished(ListingId listingId, RegionId regionId, SkuId skuId, LocalDate pickupDate) {
}
