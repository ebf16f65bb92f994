package com.linli.ordering;

import java.time.LocalDate;
import java.util.List;

import com.linli.network.RegionId;
import com.linli.ordering.internal.SalesFigureQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a region's residents took home in a period, for rates that divide by it (after-sales refund rates, the
 * daily quality alert): the units handed out at pickup and what was paid for them, by SKU, by pickup point and by
 * day. A day is the order's pickup date; units refunded after pickup still count as handed out (they were), units
 * refunded before (shortage, cancellation) do not. One set-based query per figure, on the orders' region and
 * pickup-date index.
 */
@Service
@Transactional(readOnly = true)
public class OrderSalesFigures {

	private final SalesFigureQueries queries;

	OrderSalesFigures(SalesFigureQueries queries) {
		this.queries = queries;
	}

	/**
	 * Units handed out and the amount paid for them under a key; {@code categoryId} is the SKU's category (by SKU
	 * only), {@code days} the number of pickup dates with any.
	 */
	public record Sold(long key, long categoryId, long units, long paidFen, int days) {
	}

	/** By SKU ({@code key} = SKU id), SKUs with nothing handed out left out. */
	public List<Sold> bySku(RegionId region, LocalDate from, LocalDate to) {
		return queries.sold(SalesFigureQueries.By.SKU, region, from, to);
	}

	/** By pickup point ({@code key} = pickup point id). */
	public List<Sold> byPickupPoint(RegionId region, LocalDate from, LocalDate to) {
		return queries.sold(SalesFigureQueries.By.PICKUP_POINT, region, from, to);
	}

	/** By pickup date ({@code key} = the date's epoch day). */
	public List<Sold> byDay(RegionId region, LocalDate from, LocalDate to) {
		return queries.sold(SalesFigureQueries.By.DAY, region, from, to);
	}
}
