package com.linli.ordering;

import java.time.Instant;

/**
 * What a cutoff of a region and pickup date would do at {@code at}: the listings of the date close at
 * {@code listingsCutoffAt} (the latest of them; null when there are none), {@code unpaidOrders} of
 * {@code unpaidResidents} residents would be cancelled, {@code paidOrders} confirmed.
 */
public record CutoffOutlook(Instant at, Instant listingsCutoffAt, int unpaidOrders, int unpaidResidents,
		int paidOrders) {

	/** A cutoff now comes before the listings' own cutoff: residents may still be ordering and paying. */
	public boolean early() {
		return listingsCutoffAt != null && at.isBefore(listingsCutoffAt);
	}
}
