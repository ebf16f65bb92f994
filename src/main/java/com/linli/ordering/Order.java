package com.linli.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderPickedUp.PickedUpLine;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

/**
 * A resident's order for one pickup date at their pickup point (the aggregate of the ordering module);
 * {@code note} is what the resident wrote to the leader at the review step (may be null).
 * <p>
 * Every state change is a method here: it checks the current state ({@link OrderStatus#to} throws a 409
 * naming it when the move is illegal), computes the new state and the amounts, and registers the event.
 * Nothing is written until {@code internal.Orders.save} stores the changed order with a compare-and-set on
 * its {@link #version()} (and publishes the registered events); a lost race is a 409, never a silent no-op.
 * Money leaves through the payment module: a method that refunds answers the amount, and the service asks
 * the provider for it.
 */
public final class Order {

	/** Cancel reasons, kept in {@code cancel_reason} and carried by {@link OrderCancelled}. */
	public static final String EXPIRED = "EXPIRED", CUTOFF_UNPAID = "CUTOFF_UNPAID", CUTOFF_EARLY = "CUTOFF_EARLY",
			RESIDENT = "RESIDENT", RESIDENT_REFUND = "RESIDENT_REFUND", STAFF = "STAFF", STAFF_REFUND = "STAFF_REFUND",
			ALL_SHORT = "ALL_SHORT";

	private final OrderId id;

	private final String orderNo;

	private final AccountId residentId;

	private final String recipientName;

	private final String recipientPhone;

	private final RegionId regionId;

	private final PickupPointId pickupPointId;

	private final LocalDate pickupDate;

	private final Money total;

	private final Instant createdAt;

	private final Instant expiresAt;

	private final Instant cutoffAt;

	private final String note;

	private final long version;

	private OrderStatus status;

	private Money paid;

	private Money refunded;

	private String pickupCode;

	private String cancelReason;

	private Instant paidAt;

	private Instant confirmedAt;

	private Instant shippedAt;

	private Instant readyAt;

	private Instant pickedUpAt;

	private Instant cancelledAt;

	private List<OrderLine> lines;

	private final Set<OrderLineId> changedLines = new LinkedHashSet<>();

	private final List<Object> events = new ArrayList<>();

	/** An order as placed or read before it had a version and the later timestamps (version 0). */
	public Order(OrderId id, String orderNo, AccountId residentId, String recipientName, String recipientPhone,
			RegionId regionId, PickupPointId pickupPointId, LocalDate pickupDate, OrderStatus status, Money total,
			Money paid, Money refunded, String pickupCode, String cancelReason, Instant createdAt, Instant expiresAt,
			Instant paidAt, Instant cutoffAt, Instant readyAt, Instant pickedUpAt, String note, List<OrderLine> lines) {
		this(id, orderNo, residentId, recipientName, recipientPhone, regionId, pickupPointId, pickupDate, status, total,
				paid, refunded, pickupCode, cancelReason, createdAt, expiresAt, paidAt, cutoffAt, readyAt, pickedUpAt,
				note, lines, 0, null, null, null);
	}

	/** An order as stored, with its version (for the compare-and-set) and every timestamp. */
	public Order(OrderId id, String orderNo, AccountId residentId, String recipientName, String recipientPhone,
			RegionId regionId, PickupPointId pickupPointId, LocalDate pickupDate, OrderStatus status, Money total,
			Money paid, Money refunded, String pickupCode, String cancelReason, Instant createdAt, Instant expiresAt,
			Instant paidAt, Instant cutoffAt, Instant readyAt, Instant pickedUpAt, String note, List<OrderLine> lines,
			long version, Instant confirmedAt, Instant shippedAt, Instant cancelledAt) {
		this.id = id;
		this.orderNo = orderNo;
		this.residentId = residentId;
		this.recipientName = recipientName;
		this.recipientPhone = recipientPhone;
		this.regionId = regionId;
		this.pickupPointId = pickupPointId;
		this.pickupDate = pickupDate;
		this.status = Objects.requireNonNull(status, "status");
		this.total = total;
		this.paid = paid;
		this.refunded = refunded;
		this.pickupCode = pickupCode;
		this.cancelReason = cancelReason;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.paidAt = paidAt;
		this.cutoffAt = cutoffAt;
		this.readyAt = readyAt;
		this.pickedUpAt = pickedUpAt;
		this.note = note;
		this.lines = List.copyOf(lines);
		this.version = version;
		this.confirmedAt = confirmedAt;
		this.shippedAt = shippedAt;
		this.cancelledAt = cancelledAt;
	}

	// ---- reading --------------------------------------------------------------------------------------

	public OrderId id() { return id; }

	public String orderNo() { return orderNo; }

	public AccountId residentId() { return residentId; }

	public String recipientName() { return recipientName; }

	public String recipientPhone() { return recipientPhone; }

	public RegionId regionId() { return regionId; }

	public PickupPointId pickupPointId() { return pickupPointId; }

	public LocalDate pickupDate() { return pickupDate; }

	public OrderStatus status() { return status; }

	public Money total() { return total; }

	public Money paid() { return paid; }

	public Money refunded() { return refunded; }

	public String pickupCode() { return pickupCode; }

	public String cancelReason() { return cancelReason; }

	public Instant createdAt() { return createdAt; }

	public Instant expiresAt() { return expiresAt; }

	public Instant paidAt() { return paidAt; }

	public Instant cutoffAt() { return cutoffAt; }

	public Instant confirmedAt() { return confirmedAt; }

	public Instant shippedAt() { return shippedAt; }

	public Instant readyAt() { return readyAt; }

	public Instant pickedUpAt() { return pickedUpAt; }

	public Instant cancelledAt() { return cancelledAt; }

	public String note() { return note; }

	public List<OrderLine> lines() { return lines; }

	/** The version read; the repository saves only if the stored order still has it. */
	public long version() { return version; }

	/** Lines changed since the order was read (the repository writes only those). */
	public Set<OrderLineId> changedLines() { return Collections.unmodifiableSet(changedLines); }

	/** The events registered since the order was read, in order (published when it is saved). */
	public List<Object> events() { return Collections.unmodifiableList(events); }

	public int itemCount() {
		return lines.stream().mapToInt(OrderLine::quantity).sum();
	}

	/** Paid minus refunded. */
	public Money netPaid() {
		return paid.minus(refunded);
	}

	/** Can the resident still cancel it (unpaid, or paid and before cutoff)? */
	public boolean cancellableAt(Instant now) {
		return !isReplacement()
				&& (status == OrderStatus.PENDING_PAYMENT || (status == OrderStatus.PAID && now.isBefore(cutoffAt)));
	}

	/**
	 * A replacement the platform placed and pays for (an after-sales exchange): every line is borne by the
	 * platform. Nobody cancels it like a purchase (the exchange it settles would be lost).
	 */
	public boolean isReplacement() {
		return !lines.isEmpty() && lines.stream().allMatch(l -> !l.share(DiscountKind.AFTER_SALES_REPLACEMENT).isZero());
	}

	/** The pickup code is shown once the order is paid and until it is picked up. */
	public boolean showsPickupCode() {
		return pickupCode != null && status.isLive();
	}

	/** The line of this order, or a 400 naming the field. */
	public OrderLine line(OrderLineId lineId, String field) {
		return lines.stream().filter(l -> l.id().equals(lineId)).findFirst()
			.orElseThrow(() -> new InvalidInputException(field, "line " + lineId + " is not part of order " + id));
	}

	/** Nothing is left to hand out: every unit was refunded or picked up. */
	public boolean nothingLeftToHandOut() {
		return lines.stream().allMatch(l -> l.remainingQuantity() == 0);
	}

	// ---- payment --------------------------------------------------------------------------------------

	/** The payment arrived: PAID, with the pickup code the resident will show. */
	public void pay(Money amount, String code, Instant at) {
		var next = status.to(OrderStatus.PAID);
		if (!amount.equals(total)) {
			throw new BusinessRuleException("payment-amount-mismatch",
					Text.of("ordering.problem.paymentAmountMismatch", amount, total));
		}
		status = next;
		paid = amount;
		pickupCode = Objects.requireNonNull(code, "pickup code");
		paidAt = at;
		events.add(new OrderPaid(id, orderNo, residentId, pickupPointId, regionId, pickupDate, amount, code));
	}

	/**
	 * A replacement order the platform pays (an after-sales exchange: its lines' whole amount is the platform's
	 * share, the total is 0) becomes PAID with its pickup code. No money moves, so no {@link OrderPaid}: the
	 * after-sales request tells the resident.
	 */
	public void paidByPlatform(String code, Instant at) {
		var next = status.to(OrderStatus.PAID);
		if (!total.isZero() || lines.stream().anyMatch(l -> !l.paid().isZero())) {
			throw new BusinessRuleException("not-a-replacement", Text.of("ordering.problem.notAReplacement", orderNo));
		}
		status = next;
		pickupCode = Objects.requireNonNull(code, "pickup code");
		paidAt = at;
	}

	/** Whether money for this order arriving now would be a payment after it was cancelled (to refund). */
	public boolean isLatePayment(Money amount) {
		return status == OrderStatus.CANCELLED && paid.isZero() && amount.equals(total);
	}

	/**
	 * Money arrived for an order already cancelled unpaid (the timeout race): it is recorded and refunded
	 * whole. Answers the amount to refund.
	 */
	public Money payAfterCancellation(Money amount) {
		if (!isLatePayment(amount)) {
			throw new BusinessRuleException("not-a-late-payment",
					status == OrderStatus.CANCELLED ? Text.of("ordering.problem.paymentAmountMismatch", amount, total)
							: Text.of("ordering.problem.illegalTransition", status, OrderStatus.CANCELLED));
		}
		paid = amount;
		return refundEverythingLeft();
	}

	// ---- cancelling -----------------------------------------------------------------------------------

	/** What a cancel did: the reason, the money to refund, and the units each listing gets back. */
	public record Cancellation(String reason, Money refund, List<UnitsBack> unitsBack) {

		public boolean refunds() {
			return !refund.isZero();
		}
	}

	/** Units a cancelled order gives back to its listing. */
	public record UnitsBack(ListingId listingId, int units) {
	}

	/** The resident cancels: unpaid at any time, paid before cutoff (refunded in full). */
	public Cancellation cancelByResident(Instant now) {
		refuseIfReplacement();
		if (!cancellableAt(now)) {
			throw new BusinessRuleException("not-cancellable",
					status == OrderStatus.PAID ? Text.of("ordering.problem.pastCutoffOrderCanNoLonger")
							: Text.of("ordering.problem.notCancellable", status));
		}
		return cancel(status == OrderStatus.PAID ? RESIDENT_REFUND : RESIDENT, now);
	}

	private void refuseIfReplacement() {
		if (isReplacement()) {
			throw new BusinessRuleException("not-cancellable", Text.of("ordering.problem.replacementNotCancellable", orderNo));
		}
	}

	/** An operator cancels: the same window as the resident's (refund lines instead after cutoff). */
	public Cancellation cancelByStaff(Instant now) {
		refuseIfReplacement();
		if (!cancellableAt(now)) {
			throw new BusinessRuleException("not-cancellable", Text.of("ordering.problem.staffCancelPastCutoff"));
		}
		return cancel(status == OrderStatus.PAID ? STAFF_REFUND : STAFF, now);
	}

	/** The payment window passed unpaid. */
	public Cancellation expire(Instant now) {
		status.to(OrderStatus.CANCELLED);
		if (status != OrderStatus.PENDING_PAYMENT) {
			throw new BusinessRuleException("illegal-order-transition", "status",
					Text.of("ordering.problem.notCancellable", status));
		}
		if (now.isBefore(expiresAt)) {
			throw new BusinessRuleException("payment-window-open", Text.of("ordering.problem.paymentWindowOpen", expiresAt));
		}
		return cancel(EXPIRED, now);
	}

	/**
	 * The cutoff found it unpaid: {@code CUTOFF_UNPAID}, or {@code CUTOFF_EARLY} when its own cutoff had
	 * not come yet (its resident could still have paid).
	 */
	public Cancellation cancelAtCutoff(Instant now) {
		if (status != OrderStatus.PENDING_PAYMENT) {
			status.to(OrderStatus.CANCELLED);
			throw new BusinessRuleException("not-cancellable", Text.of("ordering.problem.notCancellable", status));
		}
		return cancel(cutoffAt.isAfter(now) ? CUTOFF_EARLY : CUTOFF_UNPAID, now);
	}

	private Cancellation cancel(String reason, Instant now) {
		var next = status.to(OrderStatus.CANCELLED);
		boolean wasPaid = status == OrderStatus.PAID;
		List<UnitsBack> back = new ArrayList<>();
		for (OrderLine line : lines) {
			// units an operator refunded before cutoff went back to the listing then
			int held = line.quantity() - line.refundedQuantity();
			if (held > 0) {
				back.add(new UnitsBack(line.listingId(), held));
			}
		}
		Money refund = wasPaid ? refundEverythingLeft() : Money.ZERO;
		status = next;
		cancelReason = reason;
		cancelledAt = now;
		events.add(new OrderCancelled(id, orderNo, residentId, pickupPointId, reason, refund));
		return new Cancellation(reason, refund, List.copyOf(back));
	}

	/** Every line not handed out becomes fully refunded; answers what that refunds. */
	private Money refundEverythingLeft() {
		Money amount = Money.ZERO;
		List<OrderLine> after = new ArrayList<>(lines.size());
		for (OrderLine l : lines) {
			// units left (a line whose deductions took everything has units to give back at 0 fen)
			if (l.pickedUpQuantity() == 0 && l.refundedQuantity() < l.quantity()) {
				amount = amount.plus(l.netAmount());
				after.add(l.refunding(l.quantity() - l.refundedQuantity(), l.netAmount(), false, false));
				changedLines.add(l.id());
			}
			else {
				after.add(l);
			}
		}
		lines = List.copyOf(after);
		refunded = refunded.plus(amount);
		return amount;
	}

	// ---- after the cutoff -----------------------------------------------------------------------------

	/** Frozen by the cutoff (the set-based cutoff does this for a whole region at once). */
	public void confirm(Instant at) {
		status = status.to(OrderStatus.CONFIRMED);
		confirmedAt = at;
	}

	/** On the truck to its pickup point. */
	public void ship(Instant at) {
		status = status.to(OrderStatus.SHIPPED);
		shippedAt = at;
	}

	/** The leader received the goods: the resident may come (something must be left to hand out). */
	public void makeReadyForPickup(Instant at) {
		var next = status.to(OrderStatus.READY_FOR_PICKUP);
		if (nothingLeftToHandOut()) {
			throw new BusinessRuleException("nothing-to-deliver", Text.of("ordering.problem.nothingLeftToDeliver"));
		}
		status = next;
		readyAt = at;
		events.add(new OrderReadyForPickup(id, orderNo, residentId, pickupPointId, pickupDate, pickupCode));
	}

	/**
	 * Nothing of the order arrived: every line was refunded on the way, so it ends CANCELLED
	 * ({@code ALL_SHORT}). The refunds told the resident already; no cancel event follows.
	 */
	public void cancelAllRefunded(Instant at) {
		var next = status.to(OrderStatus.CANCELLED);
		if (status == OrderStatus.PENDING_PAYMENT || status == OrderStatus.PAID || !nothingLeftToHandOut()) {
			throw new BusinessRuleException("units-left", Text.of("ordering.problem.unitsLeftToDeliver"));
		}
		status = next;
		cancelReason = ALL_SHORT;
		cancelledAt = at;
	}

	/**
	 * The leader hands out (核销) all remaining lines, or only {@code onlyLines}: PICKED_UP once nothing is
	 * left. Answers the lines handed out now.
	 */
	public List<PickedUpLine> pickUp(Collection<OrderLineId> onlyLines, Instant at) {
		return pickUp(onlyLines, at, Map.of());
	}

	/**
	 * As {@link #pickUp(Collection, Instant)}; {@code commissionRates} are the leader's commission rates
	 * (basis points) that listings set instead of the scheme's, carried on the event for the leader.
	 */
	public List<PickedUpLine> pickUp(Collection<OrderLineId> onlyLines, Instant at,
			Map<ListingId, Integer> commissionRates) {
		// only a READY_FOR_PICKUP order may become PICKED_UP, and a partly handed out one stays READY_FOR_PICKUP
		status.to(OrderStatus.PICKED_UP);
		for (OrderLineId requested : onlyLines) {
			line(requested, "lines");
		}
		List<PickedUpLine> picked = new ArrayList<>();
		List<OrderLine> after = new ArrayList<>(lines.size());
		for (OrderLine l : lines) {
			int n = l.remainingQuantity();
			if (n == 0 || (!onlyLines.isEmpty() && !onlyLines.contains(l.id()))) {
				after.add(l);
				continue;
			}
			after.add(l.handingOut(n));
			changedLines.add(l.id());
			// commission is earned on what the resident actually paid for these units (net of discounts)
			picked.add(new PickedUpLine(l.id(), l.skuId(), l.categoryId(), n, handedOutPaid(l, n), l.skuName(),
					commissionRates.get(l.listingId())));
		}
		if (picked.isEmpty()) {
			throw new BusinessRuleException("nothing-to-hand-out", "lines", Text.of("ordering.problem.nothingLeftHandOut"));
		}
		lines = List.copyOf(after);
		boolean complete = nothingLeftToHandOut();
		if (complete) {
			status = status.to(OrderStatus.PICKED_UP);
			pickedUpAt = at;
		}
		events.add(new OrderPickedUp(id, orderNo, residentId, pickupPointId, regionId, at, complete, List.copyOf(picked)));
		return List.copyOf(picked);
	}

	// ---- refunds --------------------------------------------------------------------------------------

	/**
	 * Refunds {@code quantity} units of a line at the price paid (their portion of the line's paid amount,
	 * net of its discounts, exact to the fen; all the line's refunds add up to at most what it paid): units still to hand out, or with
	 * {@code afterPickup} units already handed out (commission on them is reversed); {@code shortage}
	 * marks units that never arrived. Only a paid order that was not cancelled; never more than the line
	 * has left. Answers the amount to refund; {@code reference} is unique per refund.
	 */
	public Money refundLine(OrderLineId lineId, int quantity, String reasonCode, boolean shortage, boolean afterPickup,
			String reference) {
		if (quantity < 1) {
			throw new BusinessRuleException("invalid-quantity", "quantity", "refund quantity must be at least 1");
		}
		if (!status.isPaidFor()) {
			throw new BusinessRuleException("not-refundable", Text.of("ordering.problem.refundNotInStatus", status));
		}
		OrderLine l = line(lineId, "lineId");
		int left = afterPickup ? l.pickedUpQuantity() : l.remainingQuantity();
		if (quantity > left) {
			throw new BusinessRuleException("refund-exceeds-line", "quantity",
					Text.of("ordering.problem.moreUnitsThanLineHasLeft"));
		}
		Money amount = min(l.refundPortion(quantity).paid(), l.netAmount());
		var changed = l.refunding(quantity, amount, shortage, afterPickup);
		lines = lines.stream().map(x -> x.id().equals(lineId) ? changed : x).toList();
		changedLines.add(lineId);
		refunded = refunded.plus(amount);
		events.add(new OrderLineRefunded(id, orderNo, lineId, residentId, pickupPointId, l.skuId(), l.skuName(),
				l.categoryId(), quantity, amount, reasonCode, afterPickup, reference));
		return amount;
	}

	/**
	 * What the resident paid for {@code units} of a line handed out now: the units after those refunded
	 * and handed out before, their portion of the line's paid amount (all of what is left when they are
	 * the last ones, as a pickup is).
	 */
	private static Money handedOutPaid(OrderLine l, int units) {
		var portion = com.linli.marketing.LinePortion.of(l.paid(), l.shares(), l.quantity(),
				l.refundedQuantity() + l.pickedUpQuantity(), units);
		return min(portion.paid(), l.netAmount());
	}

	private static Money min(Money a, Money b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	/** Every deduction of every line together (the order's discount: subtotal at group price − total). */
	public Money discount() {
		return lines.stream().map(OrderLine::discount).reduce(Money.ZERO, Money::plus);
	}

	/** What the lines cost after every deduction (the order's total when it was placed). */
	public Money linesPaid() {
		return lines.stream().map(OrderLine::paid).reduce(Money.ZERO, Money::plus);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Order o && Objects.equals(id, o.id) && version == o.version && status == o.status
				&& Objects.equals(lines, o.lines) && Objects.equals(refunded, o.refunded);
	}

	@Override
	public int hashCode() {
		return Objects.hash(id, version);
	}

	@Override
	public String toString() {
		return "Order[" + id + " " + orderNo + " " + status + " v" + version + "]";
	}
}
