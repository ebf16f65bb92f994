package com.linli.ordering.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import com.linli.marketing.Listing;
import com.linli.marketing.ListingControlManagement;
import com.linli.marketing.ListingReservations;
import com.linli.marketing.ListingStatus;
import com.linli.network.PickupPoint;
import com.linli.network.RegionId;
import com.linli.ordering.OrderItem;
import com.linli.ordering.PlaceOrder;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * The rules of a submit, each written once: the shape of a valid submit (key, 1–40 items, quantities
 * 1–99, each listing once, the note's length), the listings it may order, and the refusal it meets
 * without the database (a listing this node knows to be sold out, unless the submit is a retry of one
 * placed here). The sold-out gate asks them before Spring MVC, the placement service on its way in; the
 * invariants that need the database (idempotency key, caps, limits) stay the database's.
 */
@Component
public class SubmitRules {

	public static final int MAX_ITEMS = 40;

	public static final int MAX_QUANTITY = 99;

	public static final int MAX_KEY = 80;

	private final ListingReservations reservations;

	private final RecentSubmits recent;

	private final ListingControlManagement controls;

	SubmitRules(ListingReservations reservations, RecentSubmits recent, ListingControlManagement controls) {
		this.controls = controls;
		this.reservations = reservations;
		this.recent = recent;
	}

	/** Throws {@link InvalidInputException} naming the field of the first rule the submit breaks. */
	public void check(PlaceOrder command) {
		if (command.idempotencyKey() == null || command.idempotencyKey().isBlank()
				|| command.idempotencyKey().length() > MAX_KEY) {
			throw new InvalidInputException("Idempotency-Key", "an idempotency key of 1 to " + MAX_KEY + " characters is required");
		}
		checkShape(command);
	}

	/**
	 * The rules of a submit that do not depend on its key (a price preview checks them too): items,
	 * note, the promotion choices.
	 */
	public void checkShape(PlaceOrder command) {
		checkChoices(command);
		checkItems(command);
	}

	/** The promotion choices: points within bounds, coupon and team ids that can be ids. */
	public void checkChoices(PlaceOrder command) {
		if (command.points() < 0 || command.points() > PlaceOrder.POINTS_MAX) {
			throw new InvalidInputException("points", "must be between 0 and " + PlaceOrder.POINTS_MAX);
		}
		if (command.coupon().couponId() != null && command.coupon().couponId() < 1) {
			throw new InvalidInputException("couponId", "is not a coupon id");
		}
		if (command.team() != null && command.team().teamId() != null && command.team().teamId() < 1) {
			throw new InvalidInputException("teamId", "is not a team id");
		}
	}

	private void checkItems(PlaceOrder command) {
		if (command.items().isEmpty()) {
			throw new InvalidInputException("items", Text.of("ordering.problem.atLeastOneItemRequired"));
		}
		if (command.note() != null && command.note().length() > PlaceOrder.NOTE_MAX) {
			throw new InvalidInputException("note", "at most " + PlaceOrder.NOTE_MAX + " characters");
		}
		if (command.items().size() > MAX_ITEMS) {
			throw new InvalidInputException("items", "at most " + MAX_ITEMS + " different items in one order");
		}
		var seen = new HashSet<Long>();
		for (int i = 0; i < command.items().size(); i++) {
			OrderItem item = command.items().get(i);
			if (item.listingId() == null) {
				throw new InvalidInputException("items[" + i + "].listingId", "is required");
			}
			if (item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
				throw new InvalidInputException("items[" + i + "].quantity", "must be between 1 and " + MAX_QUANTITY);
			}
			if (!seen.add(item.listingId().value())) {
				throw new InvalidInputException("items[" + i + "].listingId", "listed twice in one order");
			}
		}
	}

	/**
	 * The refusal a valid submit meets before the database, if any: a listing known on this node to be
	 * sold out, unless the submit is a retry of one placed here. An invalid submit throws.
	 */
	public Optional<BusinessRuleException> refusalWithoutDatabase(PlaceOrder command) {
		check(command);
		if (recent.find(command).isPresent()) {
			return Optional.empty();
		}
		try {
			reservations.refuseIfKnownSoldOut(command.items().stream().map(OrderItem::listingId).toList());
			return Optional.empty();
		}
		catch (BusinessRuleException e) {
			return Optional.of(e);
		}
	}

	/**
	 * The listing of the submit's item {@code index}, if it is on sale now in the region of the pickup
	 * point and at the point itself (a leader-only item is sold only at its chosen points); else throws.
	 */
	public Listing openListing(Listing listing, PickupPoint point, Instant now, int index) {
		RegionId region = point.regionId();
		if (listing == null) {
			throw new InvalidInputException("items[" + index + "].listingId", Text.of("ordering.problem.noSuchListing"));
		}
		if (!listing.regionId().equals(region)) {
			throw new InvalidInputException("items[" + index + "].listingId",
					Text.of("ordering.problem.notSoldInYourRegion"));
		}
		if (listing.status() != ListingStatus.ACTIVE || now.isBefore(listing.opensAt())
				|| !now.isBefore(listing.cutoffAt())) {
			throw new BusinessRuleException("listing-closed", "items[" + index + "].listingId",
					Text.of("ordering.problem.listingNotOpenOrClosed"));
		}
		controls.refuseUnlessSoldAt(listing.id(), point.id(), "items[" + index + "].listingId");
		return listing;
	}

	/** The one pickup date of the listings of an order (one order, one pickup date). */
	public LocalDate pickupDate(List<Listing> listings) {
		LocalDate date = listings.get(0).pickupDate();
		if (listings.stream().anyMatch(l -> !l.pickupDate().equals(date))) {
			throw new InvalidInputException("items", Text.of("ordering.problem.oneOrderOnePickupDate"));
		}
		return date;
	}
}
