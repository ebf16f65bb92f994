package com.linli.ordering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingStatus;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.internal.OrderCancellations;
import com.linli.ordering.internal.OrderQueries;
import com.linli.ordering.internal.Orders;
import com.linli.shared.BusinessRuleException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the cutoff and the dispatch ask of orders (fulfilment's cutoff runner and schedule): when a region's
 * day is due, freeze its orders (unpaid ones cancelled one by one, paid ones confirmed in one set-based
 * move), and stream their lines for sorting.
 */
@Service
public class OrderCutoffManagement {

	private static final Logger log = LoggerFactory.getLogger(OrderCutoffManagement.class);

	private final Orders orders;

	private final OrderQueries queries;

	private final OrderCancellations cancellations;

	private final ListingManagement listings;

	private final Clock clock;

	OrderCutoffManagement(Orders orders, OrderQueries queries, OrderCancellations cancellations,
			ListingManagement listings, Clock clock) {
		this.orders = orders;
		this.queries = queries;
		this.cancellations = cancellations;
		this.listings = listings;
		this.clock = clock;
	}

	/**
	 * What a cutoff of the region and pickup date would do now: when the date's listings close (the
	 * latest active one, or the latest cutoff of an open order), and how many orders it would cancel
	 * unpaid or confirm paid.
	 */
	@Transactional(readOnly = true)
	public CutoffOutlook cutoffOutlook(RegionId region, LocalDate pickupDate) {
		Instant now = clock.instant();
		Instant latest = listings.listingsFor(region, pickupDate).stream()
			.filter(l -> l.status() == ListingStatus.ACTIVE)
			.map(Listing::cutoffAt)
			.max(Instant::compareTo).orElse(null);
		var open = queries.openOrders(region, pickupDate);
		if (open.latestCutoff() != null && (latest == null || open.latestCutoff().isAfter(latest))) {
			latest = open.latestCutoff();
		}
		return new CutoffOutlook(now, latest, open.unpaid(), open.unpaidResidents(), open.paid());
	}

	/**
	 * Cutoff: paid orders of the region and pickup date become CONFIRMED; orders still unpaid are
	 * cancelled (a payment arriving later is refunded): {@code CUTOFF_UNPAID}, or {@code CUTOFF_EARLY}
	 * when the order's own cutoff had not come yet (its resident could still have paid). Idempotent: a
	 * second run confirms nothing new.
	 */
	@Transactional
	public int confirmForCutoff(RegionId region, LocalDate pickupDate) {
		Instant now = clock.instant();
		for (Order order : orders.unpaidOf(region, pickupDate)) {
			try {
				cancellations.apply(order, order.cancelAtCutoff(now), now);
			}
			catch (BusinessRuleException e) {
				if (!"changed-concurrently".equals(e.code())) {
					throw e;
				}
				// paid between the read and the cancel: the payment came in time, the confirm below takes it
				log.info("Order {} was paid while the cutoff cancelled it: confirmed instead", order.orderNo());
			}
		}
		return orders.confirmPaid(region, pickupDate, now);
	}

	/**
	 * Streams every line still to deliver of the confirmed orders (and later stages) of a region and
	 * pickup date, ordered by pickup point, order and line, without loading them all in memory.
	 */
	@Transactional(readOnly = true)
	public void forEachConfirmedLine(RegionId region, LocalDate pickupDate, Consumer<CutoffLine> consumer) {
		forEachConfirmedLine(region, pickupDate, null, consumer);
	}

	/** As above, only pickup points with an id greater than {@code afterPickupPoint} (to resume a run). */
	@Transactional(readOnly = true)
	public void forEachConfirmedLine(RegionId region, LocalDate pickupDate, PickupPointId afterPickupPoint,
			Consumer<CutoffLine> consumer) {
		queries.forEachConfirmedLine(region, pickupDate, afterPickupPoint, consumer);
	}

	/**
	 * Regions and pickup dates with paid orders past their cutoff, where no unpaid or paid order of the
	 * same region and date is still before its cutoff: the sale session is over and the cutoff is due.
	 */
	@Transactional(readOnly = true)
	public List<CutoffDue> dueForCutoff(Instant now) {
		return queries.dueForCutoff(now);
	}

	/** Units of an order line still to deliver: ordered less refunded; empty for an unknown line. */
	@Transactional(readOnly = true)
	public Optional<Integer> unitsToDeliver(OrderLineId line) {
		return queries.unitsToDeliver(line);
	}
}
