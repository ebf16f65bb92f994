package com.linli.marketing;

import java.time.Instant;

import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * A special price on one unit of a listing: the new resident's first-order offer (for residents without a
 * paid order), or a 1-yuan offer (one per resident ever, for new residents only or for everyone).
 */
public record Offer(long id, RegionId regionId, ListingId listingId, Kind kind, Audience audience, Money price,
		Instant startsAt, Instant endsAt, boolean active) {

	public enum Kind {
		NEW_RESIDENT, ONE_YUAN
	}

	public enum Audience {
		NEW_RESIDENTS, EVERYONE
	}

	public boolean isOnAt(Instant at) {
		return active && !at.isBefore(startsAt) && at.isBefore(endsAt);
	}

	public boolean forNewResidentsOnly() {
		return audience == Audience.NEW_RESIDENTS;
	}

	/** "offer:7" */
	public String reference() {
		return "offer:" + id;
	}
}
