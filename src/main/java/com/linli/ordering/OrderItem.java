package com.linli.ordering;

import com.linli.marketing.ListingId;

/** A listing and how many units of it a resident wants. */
public record OrderItem(ListingId listingId, int quantity) {
}
