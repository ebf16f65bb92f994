package com.linli.ordering;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.linli.network.RegionId;
import com.linli.ordering.internal.MoneyFigureQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What residents paid and got back, for unit economics and rates that divide by paid orders: per pickup date of a
 * region (paid orders, paid, refunded), units delivered per SKU and day, and one order's lines. An order counts
 * once paid and not cancelled (a cancelled order was refunded whole: neither revenue nor cost). Units delivered are
 * a line's units less those short (never arrived). Set-based, on the orders' region and pickup-date index.
 */
@Service
@Transactional(readOnly = true)
public class OrderMoneyFigures {

	private final MoneyFigureQueries queries;

	OrderMoneyFigures(MoneyFigureQueries queries) {
		this.queries = queries;
	}

	/** One pickup date of a region: paid orders, what they paid (fen) and what was refunded of it. */
	public record Day(LocalDate date, long paidOrders, long paidFen, long refundedFen) {
	}

	/** Units delivered of one SKU on one pickup date, and what was paid for the line(s). */
	public record SkuDay(LocalDate date, long skuId, long units, long paidFen) {
	}

	/** One order's money: paid, refunded, and its lines' delivered units by SKU. */
	public record OrderMoney(long orderId, String orderNo, long regionId, LocalDate pickupDate, long paidFen,
			long refundedFen, List<Line> lines) {

		public record Line(long skuId, String skuName, long units, long paidFen, long refundedFen) {
		}
	}

	public List<Day> byDay(RegionId region, LocalDate from, LocalDate to) {
		return queries.byDay(region.value(), from, to);
	}

	public List<SkuDay> bySkuDay(RegionId region, LocalDate from, LocalDate to) {
		return queries.bySkuDay(region.value(), from, to);
	}

	/** The order, when it was paid and not cancelled. */
	public Optional<OrderMoney> order(OrderId order) {
		return queries.order(order.value());
	}
}
