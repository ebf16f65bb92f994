package com.linli.marketing;

import java.time.Instant;

import com.linli.network.RegionId;
import com.linli.shared.Money;

/** A promotional price of a listing between a start and an end, alone or in a campaign. */
public record ListingDiscount(long id, RegionId regionId, ListingId listingId, CampaignId campaignId, Money price,
		Instant startsAt, Instant endsAt, boolean active) {

	public boolean isOnAt(Instant at) {
		return active && !at.isBefore(startsAt) && at.isBefore(endsAt);
	}

	/** "discount:5", or "campaign:2/discount:5". */
	public String reference() {
		return (campaignId == null ? "" : "campaign:" + campaignId.value() + "/") + "discount:" + id;
	}
}
