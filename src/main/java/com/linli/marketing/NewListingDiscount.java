package com.linli.marketing;

import java.time.Instant;

import com.linli.shared.Money;

/** A promotional price to put on a listing; null dates take the campaign's (or the listing's sales window). */
public record NewListingDiscount(ListingId listingId, CampaignId campaignId, Money price, Instant startsAt,
		Instant endsAt) {
}
