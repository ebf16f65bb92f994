package com.linli.marketing;

import java.time.LocalDate;
import java.util.List;

import com.linli.marketing.internal.ListingSalesQueries;
import com.linli.network.RegionId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a region's listings sold against their caps, by the day their sale window closed (cutoff, platform zone):
 * for the dashboard's sell-through and sold-out counts. Active listings only (a withdrawn one did not sell out).
 */
@Service
@Transactional(readOnly = true)
public class ListingSales {

	private final ListingSalesQueries queries;

	ListingSales(ListingSalesQueries queries) {
		this.queries = queries;
	}

	/** One day: listings whose window closed, their caps, units sold, and how many sold out (sold = cap > 0). */
	public record Day(LocalDate date, long listings, long capUnits, long soldUnits, long soldOut) {
	}

	/** A listing whose window closed, for the list behind a product number. */
	public record Closed(long listingId, long skuId, LocalDate pickupDate, long cap, long sold) {
	}

	public List<Day> byDay(RegionId region, LocalDate from, LocalDate to) {
		return queries.byDay(region.value(), from, to);
	}

	public List<Closed> closed(RegionId region, LocalDate from, LocalDate to, boolean soldOutOnly) {
		return queries.closed(region.value(), from, to, soldOutOnly);
	}
}
