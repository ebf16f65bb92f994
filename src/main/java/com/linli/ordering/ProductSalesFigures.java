package com.linli.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.ordering.internal.ProductSalesQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a region sold, for product, selection and community analysis (issue 16): paid orders not cancelled, by
 * pickup date, with units and amounts net of refunds. Set-based queries on the orders' region and pickup-date
 * index; nothing here reads another module's tables.
 */
@Service
@Transactional(readOnly = true)
public class ProductSalesFigures {

	private final ProductSalesQueries queries;

	ProductSalesFigures(ProductSalesQueries queries) {
		this.queries = queries;
	}

	/** Units (ordered less refunded) and paid amount (less refunds) of a SKU at a pickup point. */
	public record PointSku(long pickupPointId, long skuId, long categoryId, long units, long paidFen) {
	}

	/** A pickup point's ordering residents (distinct), paid orders and paid amount (net of refunds). */
	public record PointOrders(long pickupPointId, long residents, long orders, long paidFen) {
	}

	/** A pickup point's paid amount (net of refunds) in a category. */
	public record PointCategory(long pickupPointId, long categoryId, long paidFen) {
	}

	/** A SKU's units in the period starting at {@code start} (a month's first day or a week's Monday). */
	public record Bucket(LocalDate start, long units, long paidFen) {
	}

	/** One line of a paid order (for the demo's tracking history: one event per line actually paid). */
	public record PaidLine(long orderId, long residentId, long pickupPointId, Instant paidAt, long listingId,
			long skuId) {
	}

	/** By pickup point and SKU, pickup dates {@code from}..{@code to} inclusive. */
	public List<PointSku> byPickupPointAndSku(RegionId region, LocalDate from, LocalDate to) {
		return queries.byPointAndSku(region, from, to);
	}

	/** By pickup point. */
	public List<PointOrders> byPickupPoint(RegionId region, LocalDate from, LocalDate to) {
		return queries.byPoint(region, from, to);
	}

	/** By pickup point and category. */
	public List<PointCategory> byPickupPointAndCategory(RegionId region, LocalDate from, LocalDate to) {
		return queries.byPointAndCategory(region, from, to);
	}

	/** A SKU's units by month ({@code weekly} false) or ISO week, pickup dates {@code from}..{@code to}. */
	public List<Bucket> seasonality(RegionId region, SkuId sku, LocalDate from, LocalDate to, boolean weekly) {
		return queries.seasonality(region, sku, from, to, weekly);
	}

	/** The lines of the region's orders paid in [{@code from}, {@code to}), cancelled or not. */
	public List<PaidLine> paidLines(RegionId region, Instant from, Instant to) {
		return queries.paidLines(region, from, to);
	}
}
