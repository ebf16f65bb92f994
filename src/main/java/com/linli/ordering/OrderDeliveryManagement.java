package com.linli.ordering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.linli.identity.AccountId;
import com.linli.marketing.ListingControlManagement;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.internal.OrderQueries;
import com.linli.ordering.internal.OrderRefunds;
import com.linli.ordering.internal.Orders;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * From the truck to the resident: the dispatch (confirmed orders SHIPPED), the leader's orders of a day,
 * the receipt of the goods at the pickup point (shortages refunded line by line, each order
 * READY_FOR_PICKUP or, when nothing of it arrived, CANCELLED), the hand-out by pickup code (核销), whole
 * or in part; and the orders still waiting, for the reminders.
 */
@Service
public class OrderDeliveryManagement {

	/** The reason code of units a leader reports missing or damaged on arrival at the pickup point. */
	public static final String ARRIVED_SHORT = "SHORTAGE";

	private final Orders orders;

	private final OrderQueries queries;

	private final OrderRefunds refunds;

	private final com.linli.marketing.OrderPromotions promotions;

	private final Clock clock;

	private final ListingControlManagement listingControls;

	OrderDeliveryManagement(Orders orders, OrderQueries queries, OrderRefunds refunds,
			com.linli.marketing.OrderPromotions promotions, Clock clock, ListingControlManagement listingControls) {
		this.listingControls = listingControls;
		this.orders = orders;
		this.queries = queries;
		this.refunds = refunds;
		this.promotions = promotions;
		this.clock = clock;
	}

	/** The truck left the grid warehouse with these pickup points' goods: their confirmed orders are SHIPPED. */
	@Transactional
	public int markShipped(RegionId region, LocalDate pickupDate, Collection<PickupPointId> pickupPoints) {
		// one statement over the day; the dispatch's timeline entry is derived from shipped_at
		return orders.shipConfirmed(region, pickupDate, pickupPoints, clock.instant());
	}

	/** The orders of a pickup point for a pickup date (the leader's view), oldest first. */
	@Transactional(readOnly = true)
	public List<Order> ordersAt(PickupPointId point, LocalDate pickupDate) {
		return queries.atPickupPoint(point, pickupDate);
	}

	/**
	 * The leader confirms the goods arrived. Units reported missing or damaged are refunded line by
	 * line at once; each order becomes READY_FOR_PICKUP (or CANCELLED when nothing of it arrived).
	 * Orders already received are left alone, so a repeated confirmation changes nothing.
	 */
	@Transactional
	public ReceiptResult receive(PickupPointId point, LocalDate pickupDate, Map<OrderLineId, Integer> shortQuantities,
			String reason) {
		Instant now = clock.instant();
		var toReceive = orders.toReceive(point, pickupDate);
		var known = toReceive.stream().flatMap(o -> o.lines().stream()).map(OrderLine::id).toList();
		for (var entry : shortQuantities.entrySet()) {
			if (!known.contains(entry.getKey())) {
				throw new InvalidInputException("shortages." + entry.getKey(),
						Text.of("ordering.problem.lineNotToReceiveHere"));
			}
			if (entry.getValue() < 0) {
				throw new InvalidInputException("shortages." + entry.getKey(), "must be zero or more");
			}
		}
		String text = reason == null || reason.isBlank() ? Text.of("ordering.refund.missingOnArrival").stored() : reason;
		int ready = 0;
		int cancelled = 0;
		Money refunded = Money.ZERO;
		for (Order order : toReceive) {
			for (OrderLine line : order.lines()) {
				int missing = shortQuantities.getOrDefault(line.id(), 0);
				if (missing > line.remainingQuantity()) {
					throw new InvalidInputException("shortages." + line.id(),
							Text.of("ordering.problem.moreMissingThanOrdered", line.remainingQuantity()));
				}
				if (missing > 0) {
					refunded = refunded.plus(refunds.refundLine(order, line.id(), missing, "short", ARRIVED_SHORT, text,
							true, false));
				}
			}
			if (order.nothingLeftToHandOut()) {
				order.cancelAllRefunded(now);
				orders.save(order);
				// every line was refunded (each told marketing); the order as a whole ends here
				promotions.cancelled(order.id().value(), order.residentId(), now);
				orders.timeline(order.id(), now, OrderStatus.CANCELLED, Orders.note("allShort"));
				cancelled++;
			}
			else {
				order.makeReadyForPickup(now);
				orders.save(order);
				orders.timeline(order.id(), now, OrderStatus.READY_FOR_PICKUP, Orders.note("ready"));
				ready++;
			}
		}
		return new ReceiptResult(ready, cancelled, refunded);
	}

	/** What a receipt did. */
	public record ReceiptResult(int ordersReady, int ordersCancelled, Money refunded) {
	}

	/**
	 * The order a leader is about to hand out (核销) by its pickup code, with its lines and what is left
	 * of each: the same errors as {@link #verifyPickup}, and nothing changes.
	 */
	@Transactional(readOnly = true)
	public Order orderToHandOut(PickupPointId point, String pickupCode) {
		return readyOrder(point, pickupCode);
	}

	/**
	 * Hands out an order by its pickup code (核销): all remaining lines, or only the given ones.
	 * A code of another pickup point, a used code or a wrong code is a clear error; a hand-out that
	 * races another one of the same order is refused (409), never half applied.
	 */
	@Transactional
	public Order verifyPickup(PickupPointId point, String pickupCode, Collection<OrderLineId> onlyLines) {
		return verifyPickup(point, pickupCode, onlyLines, null);
	}

	/**
	 * {@link #verifyPickup(PickupPointId, String, Collection)}, recording who handed it out (the leader or their
	 * helper, 核销员) on the order: {@code picked_up_by}, the latest hand-out's account.
	 */
	@Transactional
	public Order verifyPickup(PickupPointId point, String pickupCode, Collection<OrderLineId> onlyLines,
			AccountId verifiedBy) {
		Order order = readyOrder(point, pickupCode);
		Instant now = clock.instant();
		// a listing's commission rate for the leader is frozen at its cutoff, so reading it now is what every order saw
		var rates = listingControls.commissionRates(order.lines().stream().map(OrderLine::listingId).toList());
		var picked = order.pickUp(onlyLines, now, rates);
		orders.save(order);
		if (verifiedBy != null) {
			orders.pickedUpBy(order.id(), verifiedBy);
		}
		if (order.status() == OrderStatus.PICKED_UP) {
			orders.timeline(order.id(), now, OrderStatus.PICKED_UP, Orders.note("pickedUp"));
		}
		else {
			orders.timeline(order.id(), now, null, Orders.note("partlyPickedUp", picked.size()));
		}
		return orders.find(order.id()).orElseThrow();
	}

	/** The order of this pickup point that is ready and holds the code, else the error that explains why not. */
	private Order readyOrder(PickupPointId point, String pickupCode) {
		String code = pickupCode == null ? "" : pickupCode.trim();
		if (!code.matches("\\d{6}")) {
			throw new InvalidInputException("pickupCode", Text.of("ordering.problem.pickupCodeHas6Digits"));
		}
		var candidates = orders.withPickupCode(point, code);
		var live = candidates.stream().filter(o -> o.status() == OrderStatus.READY_FOR_PICKUP).findFirst();
		if (live.isPresent()) {
			return live.get();
		}
		if (candidates.stream().anyMatch(o -> o.status() == OrderStatus.PICKED_UP)) {
			throw new BusinessRuleException("pickup-code-used", "pickupCode", Text.of("ordering.problem.codeWasAlreadyUsed"));
		}
		if (candidates.stream().anyMatch(o -> o.status().isLive())) {
			throw new BusinessRuleException("not-ready", "pickupCode",
					Text.of("ordering.problem.goodsOrderHaveNotBeenReceived"));
		}
		boolean elsewhere = queries.codeLiveElsewhere(code, point);
		throw new BusinessRuleException(elsewhere ? "pickup-code-other-point" : "pickup-code-wrong", "pickupCode",
				elsewhere ? Text.of("ordering.problem.codeBelongsAnotherPickupPoint")
						: Text.of("ordering.problem.wrongPickupCode"));
	}

	/**
	 * Orders waiting at their pickup point: READY_FOR_PICKUP, not (or only partly) picked up, that
	 * became ready in {@code [readySince, readyBefore)}; by id, those after {@code after} (null for the
	 * first page), so a caller pages through all of them however many share the same receipt time.
	 */
	@Transactional(readOnly = true)
	public List<Order> readyNotPickedUp(Instant readySince, Instant readyBefore, OrderId after, int limit) {
		return queries.readyBetween(readySince, readyBefore, after, Math.min(Math.max(limit, 1), 1000));
	}
}
