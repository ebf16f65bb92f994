package com.linli.ordering;

import java.time.LocalDate;
import java.util.List;

import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.internal.ResidentOrderQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A region's residents as buyers, for analytics (RFM, cohorts, a pickup point's orders): one set-based query per
 * region each, on the orders' region and pickup-date index. An order counts when it was paid and not cancelled; its
 * day is its pickup date; its amount what the resident paid less what was refunded.
 */
@Service
@Transactional(readOnly = true)
public class ResidentOrderFigures {

	private final ResidentOrderQueries queries;

	ResidentOrderFigures(ResidentOrderQueries queries) {
		this.queries = queries;
	}

	/**
	 * A resident's orders in a region up to a day: the first and the last order's day (over all history), and the
	 * orders and their amount in the {@code windowDays} days ending on that day.
	 */
	public record Buyer(long residentId, LocalDate firstOrderOn, LocalDate lastOrderOn, int ordersInWindow,
			long paidInWindowFen) {
	}

	/** Every resident with an order in the region on or before {@code asOf}. */
	public List<Buyer> buyers(RegionId region, LocalDate asOf, int windowDays) {
		return queries.buyers(region.value(), asOf, windowDays);
	}

	/** A resident ordered in the ISO week starting {@code weekStart}; {@code firstWeek} is their first order's week. */
	public record ActiveWeek(long residentId, LocalDate firstWeek, LocalDate weekStart) {
	}

	/** The weeks in which residents whose first order's week is in {@code [fromWeek, to]} ordered, up to {@code to}. */
	public List<ActiveWeek> activeWeeks(RegionId region, LocalDate fromWeek, LocalDate to) {
		return queries.activeWeeks(region.value(), fromWeek, to);
	}

	/** Orders of a pickup point (or of the whole region when {@code point} is null) by pickup date. */
	public record DayOrders(LocalDate day, long orders) {
	}

	/** Orders by pickup date in {@code [from, to]}, dates without orders left out. */
	public List<DayOrders> ordersByDay(RegionId region, PickupPointId point, LocalDate from, LocalDate to) {
		return queries.ordersByDay(region.value(), point == null ? null : point.value(), from, to);
	}

	/** Orders by pickup point in {@code [from, to]}: {@code key} the point's id. */
	public record PointOrders(long pickupPointId, long orders) {
	}

	public List<PointOrders> ordersByPoint(RegionId region, LocalDate from, LocalDate to) {
		return queries.ordersByPoint(region.value(), from, to);
	}
}
