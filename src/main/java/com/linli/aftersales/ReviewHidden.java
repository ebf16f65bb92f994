package com.linli.aftersales;

import java.time.Instant;

import com.linli.identity.AccountId;

/**
 * An operator hid a review (abusive, advertising...): the resident is told why. {@code reason} is the stored text.
 */
public record ReviewHidden(ReviewId reviewId, AccountId residentId, String skuName, String reason, Instant at) {
}
