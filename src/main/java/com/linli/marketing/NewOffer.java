package com.linli.marketing;

import java.time.Instant;

import com.linli.shared.Money;

/** An offer to create on a listing; a new-resident offer is always for new residents only. */
public record NewOffer(ListingId listingId, Offer.Kind kind, Offer.Audience audience, Money price, Instant startsAt,
		Instant endsAt) {
}
