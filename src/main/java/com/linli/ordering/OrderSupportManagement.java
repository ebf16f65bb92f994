package com.linli.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.linli.identity.Actor;
import com.linli.marketing.ListingReservations;
import com.linli.ordering.internal.OrderCancellations;
import com.linli.ordering.internal.OrderQueries;
import com.linli.ordering.internal.OrderRefunds;
import com.linli.ordering.internal.Orders;
import com.linli.shared.AdminChange;
import com.linli.shared.Text;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator does to one order from the console or the API: refund units of a line, cancel
 * before cutoff with a full refund, write an internal note on the timeline. Each is checked against
 * the regions the acting operator manages (the {@link Actor} the controller passes) and audited
 * ({@link AdminChange}); a refund is applied once per request key.
 */
@Service
public class OrderSupportManagement {

	public static final int NOTE_MAX = 300;

	private static final Pattern REQUEST_KEY = Pattern.compile("[A-Za-z0-9_-]{1,40}");

	private final OrderManagement orders;

	private final Orders store;

	private final OrderQueries queries;

	private final OrderRefunds refunds;

	private final OrderCancellations cancellations;

	private final ListingReservations reservations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderSupportManagement(OrderManagement orders, Orders store, OrderQueries queries, OrderRefunds refunds,
			OrderCancellations cancellations, ListingReservations reservations, ApplicationEventPublisher events,
			Clock clock) {
		this.orders = orders;
		this.store = store;
		this.queries = queries;
		this.refunds = refunds;
		this.cancellations = cancellations;
		this.reservations = reservations;
		this.events = events;
		this.clock = clock;
	}

	/** The order, if it lies in a region the caller manages (else "not found", as for any other order). */
	public Order get(Actor actor, OrderId id) {
		var order = orders.get(id);
		if (!actor.managesRegion(order.regionId().value())) {
			throw new com.linli.shared.NotFoundException("order", id);
		}
		return order;
	}

	/** The refunds of the order, oldest first. */
	public List<OrderRefund> refunds(Actor actor, OrderId id) {
		return refunds.of(get(actor, id).id());
	}

	/** The order's timeline with the staff's entries. */
	public List<Orders.TimelineEntry> timeline(Actor actor, OrderId id) {
		return queries.timelineOf(get(actor, id).id(), true);
	}

	/**
	 * Refunds {@code quantity} units of a line at the price paid: units not yet handed out, or, once none
	 * are left to hand out, units already picked up (an after-sales refund, which reverses the leader's
	 * commission). Never more than was paid for the line. The same {@code requestKey} again changes nothing
	 * and answers the order.
	 */
	@Transactional
	public Order refundLine(Actor actor, OrderId id, OrderLineId lineId, int quantity, StaffRefundReason reason,
			String requestKey) {
		if (requestKey == null || !REQUEST_KEY.matcher(requestKey).matches()) {
			throw new InvalidInputException("Idempotency-Key", "1 to 40 letters, digits, '-' or '_' are required");
		}
		if (reason == null) {
			throw new InvalidInputException("reason", "is required");
		}
		if (quantity < 1 || quantity > 99) {
			throw new InvalidInputException("quantity", "must be between 1 and 99");
		}
		var order = get(actor, id);
		var line = order.line(lineId, "lineId");
		String suffix = "staff:" + requestKey;
		var earlier = refunds.find("line:" + line.id().value() + ":" + suffix);
		if (earlier.isPresent()) {
			if (earlier.get().quantity() != quantity || !earlier.get().reason().equals(reason.name())) {
				throw new BusinessRuleException("idempotency-key-reused", "Idempotency-Key",
						"this key was used for another refund of the line");
			}
			return orders.get(id);
		}
		if (order.status() == OrderStatus.PENDING_PAYMENT || order.paid().isZero()) {
			throw new BusinessRuleException("not-paid", Text.of("ordering.problem.staffRefundNotPaid"));
		}
		boolean afterPickup = line.remainingQuantity() == 0 && line.pickedUpQuantity() > 0;
		int refundable = afterPickup ? line.pickedUpQuantity() : line.remainingQuantity();
		if (quantity > refundable) {
			throw new BusinessRuleException("refund-exceeds-line", "quantity",
					Text.of("ordering.problem.staffRefundExceedsLine", refundable));
		}
		Money amount = refunds.refundLine(order, line.id(), quantity, suffix, reason.name(),
				Text.of("ordering.refund.byPlatform").stored(), false, afterPickup);
		store.save(order);
		if (order.status() == OrderStatus.PAID) {
			// before cutoff the units go back to the listing, as a cancel gives them back
			reservations.release(line.listingId(), order.residentId(), quantity);
		}
		Instant now = clock.instant();
		store.timeline(order.id(), now, null, Orders.note("staffRefund", line.skuName(), quantity, amount));
		events.publishEvent(new AdminChange(actor.actedBy(), "order.refund", "order:" + order.id().value(),
				"line " + line.id().value() + " " + line.skuName() + " x" + quantity + " ¥" + amount + " " + reason.name()));
		return orders.get(id);
	}

	/**
	 * Cancels before cutoff: an unpaid order is closed, a paid one refunded in full. An order already
	 * cancelled is answered as it is (a retry changes nothing).
	 */
	@Transactional
	public Order cancel(Actor actor, OrderId id) {
		var order = get(actor, id);
		if (order.status() == OrderStatus.CANCELLED) {
			return order;
		}
		Instant now = clock.instant();
		boolean paid = order.status() == OrderStatus.PAID;
		var cancellation = order.cancelByStaff(now);
		try {
			cancellations.apply(order, cancellation, now);
		}
		catch (BusinessRuleException e) {
			if (!"changed-concurrently".equals(e.code())) {
				throw e;
			}
			throw new BusinessRuleException("order-changed", Text.of("ordering.problem.orderChangedReload"));
		}
		var cancelled = orders.get(id);
		events.publishEvent(new AdminChange(actor.actedBy(), "order.cancel", "order:" + order.id().value(),
				order.orderNo() + (paid ? " refunded ¥" + cancelled.refunded() : " unpaid")));
		return cancelled;
	}

	/** Writes an internal note on the order's timeline, seen by staff only. */
	@Transactional
	public Order addNote(Actor actor, OrderId id, String text) {
		String note = text == null ? "" : text.strip();
		if (note.isEmpty() || note.length() > NOTE_MAX) {
			throw new InvalidInputException("text", "1 to " + NOTE_MAX + " characters are required");
		}
		var order = get(actor, id);
		store.staffTimeline(order.id(), clock.instant(), Orders.note("staffNote", actor.name(), note));
		events.publishEvent(new AdminChange(actor.actedBy(), "order.note", "order:" + order.id().value(), note));
		return order;
	}
}
