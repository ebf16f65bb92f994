package com.linli.marketing;

import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;

/** An operator took a listing off sale before its cutoff; orders of it are to be cancelled and refunded. */
public record ListingWithdrawn(ListingId listingId, RegionId regionId, SkuId skuId, LocalDate pickupDate) {
}
