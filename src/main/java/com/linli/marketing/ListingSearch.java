package com.linli.marketing;

import java.time.LocalDate;

import com.linli.network.RegionId;

/**
 * Filters of the console's listing list; each may be null. {@code text} is matched through the
 * catalog's search (product name, spec, tags).
 */
public record ListingSearch(RegionId regionId, LocalDate pickupDate, ListingStatus status, String text) {

	public static ListingSearch all() {
		return new ListingSearch(null, null, null, null);
	}
}
