package com.linli.supply;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.linli.network.RegionId;
import com.linli.supply.internal.SupplyFigureQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A region's purchasing by pickup date, for the analytics dashboard and unit economics: purchase orders received
 * and on time, units ordered, accepted and rejected at receiving, and what suppliers charge per SKU. Set-based by
 * region and date range, grouped by day.
 */
@Service
@Transactional(readOnly = true)
public class SupplyFigures {

	private final SupplyFigureQueries queries;

	SupplyFigures(SupplyFigureQueries queries) {
		this.queries = queries;
	}

	/**
	 * One pickup date: purchase orders received (delivered or settled), of which on time (delivered no later than
	 * expected), and over their lines the units ordered, accepted and rejected at receiving.
	 */
	public record Day(LocalDate date, long received, long onTime, long orderedUnits, long acceptedUnits,
			long rejectedUnits) {
	}

	/** A received purchase order, for the list behind a supply number. */
	public record Received(long purchaseOrderId, String supplierName, LocalDate pickupDate, boolean onTime,
			long orderedUnits, long acceptedUnits, long rejectedUnits) {
	}

	public List<Day> byDay(RegionId region, LocalDate from, LocalDate to) {
		return queries.byDay(region.value(), from, to);
	}

	public List<Received> received(RegionId region, LocalDate from, LocalDate to) {
		return queries.received(region.value(), from, to);
	}

	/**
	 * The unit cost of each SKU in fen: the average price of the region's purchase orders (not cancelled) with a
	 * pickup date in the range, weighted by units ordered; SKUs bought in none of them at their lowest supplier
	 * SKU price; SKUs with neither are absent.
	 */
	public Map<Long, Double> unitCosts(RegionId region, LocalDate from, LocalDate to, Collection<Long> skuIds) {
		return queries.unitCosts(region.value(), from, to, skuIds);
	}
}
