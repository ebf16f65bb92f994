package com.linli.ordering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.marketing.DiscountKind;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingReservations;
import com.linli.marketing.ListingStatus;
import com.linli.ordering.internal.OrderInserts;
import com.linli.ordering.internal.OrderInserts.NewLine;
import com.linli.ordering.internal.OrderInserts.NewOrder;
import com.linli.ordering.internal.Orders;
import com.linli.ordering.internal.PickupCodes;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchanges (换货): the platform sends units of an order line again, in a replacement order for the next
 * delivery to the same pickup point. The replacement takes its units from an active listing of the same SKU
 * in the order's region, before its cutoff, with a later pickup date (the earliest such one with the units: "tomorrow's
 * delivery"), at its group price, and the platform bears the whole line (its
 * {@link DiscountKind#AFTER_SALES_REPLACEMENT} share): the resident pays nothing, no payment is opened, no
 * commission accrues. The order is PAID at once with a pickup code and goes through cutoff, sorting,
 * delivery and pickup like any other. One replacement per reference (the caller's, e.g. the after-sales
 * request's number): asked again, it answers the first.
 */
@Service
public class OrderReplacementManagement {

	private final Orders orders;

	private final OrderInserts inserts;

	private final ListingManagement listings;

	private final ListingReservations reservations;

	private final PickupCodes pickupCodes;

	private final Clock clock;

	OrderReplacementManagement(Orders orders, OrderInserts inserts, ListingManagement listings,
			ListingReservations reservations, PickupCodes pickupCodes, Clock clock) {
		this.orders = orders;
		this.inserts = inserts;
		this.listings = listings;
		this.reservations = reservations;
		this.pickupCodes = pickupCodes;
		this.clock = clock;
	}

	/**
	 * The listing a replacement of {@code units} of the line would come from now: active and before its cutoff
	 * (open to residents or opening later), of the line's SKU in the order's region, for a pickup date after
	 * the order's (and not before today, within a week), with the units left; the earliest date first.
	 */
	public Optional<Listing> replacementListing(OrderId orderId, OrderLineId lineId, int units) {
		Order order = orders.find(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
		return listing(order, order.line(lineId, "lineId"), units, clock.instant());
	}

	/**
	 * Places the replacement of {@code units} units of the line, paid by the platform, or answers the one
	 * placed before under {@code reference}. Refused naming {@code kind} when no listing has the units
	 * (the caller may ask again later, or settle otherwise), naming {@code quantity} for a bad count.
	 */
	@Transactional
	public Order placeReplacement(OrderId orderId, OrderLineId lineId, int units, String reference) {
		if (reference == null || reference.isBlank() || reference.length() > 80) {
			throw new InvalidInputException("reference", "a reference of 1 to 80 characters is required");
		}
		Order original = orders.find(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
		var earlier = orders.findByIdempotencyKey(original.residentId(), reference);
		if (earlier.isPresent()) {
			return orders.find(earlier.get()).orElseThrow();
		}
		OrderLine line = original.line(lineId, "lineId");
		if (units < 1 || units > line.quantity()) {
			throw new InvalidInputException("quantity", Text.of("ordering.problem.replacementUnits", line.quantity()));
		}
		Instant now = clock.instant();
		Listing listing = listing(original, line, units, now)
			.orElseThrow(() -> new BusinessRuleException("no-replacement-listing", "kind",
					Text.of("ordering.problem.noReplacementListing", line.skuName())));
		reservations.reserveForPlatform(listing.id(), units);
		Money amount = listing.groupPrice().times(units);
		var newLine = new NewLine(listing.id(), line.skuId(), line.categoryId(), line.skuName(), line.spec(), line.unit(),
				listing.groupPrice(), units, Map.of(DiscountKind.AFTER_SALES_REPLACEMENT, amount));
		var inserted = inserts.insert(new NewOrder(null, original.residentId(), reference, original.recipientName(),
				original.recipientPhone(), original.regionId(), original.pickupPointId(), listing.pickupDate(), Money.ZERO,
				now, listing.cutoffAt(), listing.cutoffAt(), null, line.id()), LocalDate.ofInstant(now, clock.getZone()),
				List.of(newLine));
		Order replacement = orders.find(inserted.id()).orElseThrow();
		replacement.paidByPlatform(pickupCodes.newCode(replacement.pickupPointId()), now);
		orders.save(replacement);
		orders.timeline(replacement.id(), now, OrderStatus.PAID,
				Orders.note("replacementPlaced", line.skuName(), units, original.orderNo()));
		orders.timeline(original.id(), now, null,
				Orders.note("replacementOf", line.skuName(), units, replacement.orderNo(), listing.pickupDate()));
		return orders.find(replacement.id()).orElseThrow();
	}

	/** How many days ahead a replacement's listing is looked for. */
	static final int DAYS_AHEAD = 7;

	private Optional<Listing> listing(Order order, OrderLine line, int units, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		LocalDate from = order.pickupDate().isBefore(today) ? today : order.pickupDate().plusDays(1);
		for (LocalDate day = from; !day.isAfter(today.plusDays(DAYS_AHEAD)); day = day.plusDays(1)) {
			// open to residents or not yet (tomorrow's listings may open in the morning): active, before its cutoff
			var found = listings.listingsFor(order.regionId(), day).stream()
				.filter(l -> l.status() == ListingStatus.ACTIVE && now.isBefore(l.cutoffAt()))
				.filter(l -> l.skuId().equals(line.skuId()))
				.filter(l -> l.remaining() >= units)
				.min(Comparator.comparing((Listing l) -> l.id().value()));
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}
}
