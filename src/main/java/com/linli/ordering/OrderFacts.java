package com.linli.ordering;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.linli.network.RegionId;
import com.linli.ordering.internal.OrderFactQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily facts of a region's paid orders for analytics' read models: one set-based grouped query per figure. The
 * day of an order is the business date (the platform's zone, Asia/Shanghai) of its payment ({@code paid_at}),
 * for everything about it, its refunds included (a refund counts on the day its order was paid). Orders paid
 * by residents only: replacement orders the platform pays and payments arriving after a cancel are not sales.
 * An order cancelled after payment stays a paid order whose lines were refunded in full.
 */
@Service
@Transactional(readOnly = true)
public class OrderFacts {

	private final OrderFactQueries queries;

	OrderFacts(OrderFactQueries queries) {
		this.queries = queries;
	}

	/**
	 * Per day, pickup point and category: paid orders with a line of the category, lines, units, GMV (group price
	 * times units, before deductions), paid, discount (GMV minus paid), refunded amount and lines with a refund.
	 */
	public record CategoryDay(LocalDate day, long pickupPointId, long categoryId, long orders, long lines, long units,
			long gmvFen, long paidFen, long discountFen, long refundFen, long refundLines) {
	}

	/** Per day and pickup point: paid orders, the residents who paid, GMV, paid, discount, refunded. */
	public record PointDay(LocalDate day, long pickupPointId, long orders, long residents, long gmvFen, long paidFen,
			long discountFen, long refundFen) {
	}

	/** Per day and SKU: units ordered, paid, refunded. */
	public record SkuDay(LocalDate day, long skuId, long categoryId, long units, long paidFen, long refundFen) {
	}

	/** Per resident and day: paid orders and what they paid. */
	public record ResidentDay(LocalDate day, long residentId, long orders, long paidFen) {
	}

	/**
	 * A line of a paid order as placed ({@code quantity}, {@code gmvFen}, {@code paidFen}) and what was refunded of
	 * it in all ({@code refunded*}) and by line refunds ({@code lineRefunded*}, the rest came from a cancel);
	 * {@code firstRefundReference} is the reference of its first line refund, if any.
	 */
	public record PaidLine(long lineId, long skuId, long categoryId, int quantity, long gmvFen, long paidFen,
			int refundedQuantity, long refundedFen, int lineRefundedQuantity, long lineRefundedFen,
			String firstRefundReference) {
	}

	/** A paid order with its day of payment, where it is picked up, who paid, whether cancelled, and its lines. */
	public record PaidOrder(OrderId orderId, RegionId regionId, LocalDate day, long pickupPointId, long residentId,
			boolean cancelled, List<PaidLine> lines) {
	}

	public List<CategoryDay> categoryDays(RegionId region, LocalDate from, LocalDate toInclusive) {
		return queries.categoryDays(region, from, toInclusive);
	}

	public List<PointDay> pointDays(RegionId region, LocalDate from, LocalDate toInclusive) {
		return queries.pointDays(region, from, toInclusive);
	}

	public List<SkuDay> skuDays(RegionId region, LocalDate from, LocalDate toInclusive) {
		return queries.skuDays(region, from, toInclusive);
	}

	public List<ResidentDay> residentDays(RegionId region, LocalDate from, LocalDate toInclusive) {
		return queries.residentDays(region, from, toInclusive);
	}

	/** One order, if a resident paid it (for the incremental listeners). */
	public Optional<PaidOrder> paidOrder(OrderId order) {
		return queries.paidOrder(order);
	}
}
