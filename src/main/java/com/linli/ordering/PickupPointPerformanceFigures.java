package com.linli.ordering;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.internal.PerformanceFigureQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders of a region's pickup points in a period, for the leaders' performance and ranking: one grouped query
 * per figure family. An order counts in the period of its pickup date when it was paid and not cancelled; its
 * sales are what the resident paid less what was refunded (before or after pickup).
 */
@Service
@Transactional(readOnly = true)
public class PickupPointPerformanceFigures {

	private final PerformanceFigureQueries queries;

	PickupPointPerformanceFigures(PerformanceFigureQueries queries) {
		this.queries = queries;
	}

	/**
	 * A pickup point's orders in a period: {@code orders} paid and not cancelled, {@code salesFen} paid less refunded,
	 * {@code customers} distinct residents, {@code newCustomers} those whose first such order at this point falls in
	 * the period; {@code receiptDays} the pickup dates whose goods the leader received, {@code onTimeReceiptDays}
	 * those received before the expected hour of the day; {@code readyOrders} orders made ready for pickup,
	 * {@code collectedWithinDay} those picked up within 24 hours of ready.
	 */
	public record PointFigures(long pickupPointId, long orders, long salesFen, long customers, long newCustomers,
			long receiptDays, long onTimeReceiptDays, long readyOrders, long collectedWithinDay) {

		public static PointFigures none(long pickupPointId) {
			return new PointFigures(pickupPointId, 0, 0, 0, 0, 0, 0, 0, 0);
		}
	}

	/** A pickup point's orders and sales of one pickup date. */
	public record DaySales(LocalDate date, long orders, long salesFen) {
	}

	/** How many of a pickup point's orders of a pickup date are in a status. */
	public record StatusCount(OrderStatus status, long orders) {
	}

	/**
	 * The figures of every pickup point of the region with orders in {@code [from, to]} (pickup dates); receipts
	 * are on time when made before {@code receiptDue} on the pickup date in the region's {@code zone}.
	 */
	public List<PointFigures> byPickupPoint(RegionId region, LocalDate from, LocalDate to, LocalTime receiptDue,
			ZoneId zone) {
		return queries.byPickupPoint(region, from, to, receiptDue, zone);
	}

	/** A pickup point's orders and sales by pickup date in {@code [from, to]}, dates without orders left out. */
	public List<DaySales> byDay(PickupPointId point, LocalDate from, LocalDate to) {
		return queries.byDay(point, from, to);
	}

	/** A pickup point's orders of a pickup date by status (unpaid and cancelled included). */
	public List<StatusCount> byStatus(PickupPointId point, LocalDate date) {
		return queries.byStatus(point, date);
	}
}
