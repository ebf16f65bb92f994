package com.linli.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

import com.linli.catalog.CatalogManagement;
import com.linli.catalog.Sku;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.marketing.ListingId;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingReservations;
import com.linli.marketing.ListingStatus;
import com.linli.network.NetworkManagement;
import com.linli.ordering.internal.OrderRefunds;
import com.linli.ordering.internal.Orders;
import com.linli.ordering.internal.PickupCodes;
import com.linli.payment.PaymentManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resident's orders: pay through the payment module, cancel, and the expiry of unpaid orders that gives
 * their units back (placing one is {@link OrderPlacementManagement}).
 */
@Service
public class OrderManagement {

	private final Orders orders;

	private final ListingManagement listings;

	private final ListingReservations reservations;

	private final CatalogManagement catalog;

	private final NetworkManagement network;

	private final AccountManagement accounts;

	private final PaymentManagement payments;

	private final OrderRefunds refunds;

	private final PickupCodes pickupCodes;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Duration paymentWindow;

	OrderManagement(Orders orders, ListingManagement listings, ListingReservations reservations, CatalogManagement catalog, NetworkManagement network,
			AccountManagement accounts, PaymentManagement payments, OrderRefunds refunds, PickupCodes pickupCodes,
			ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
			@Value("${linli.ordering.payment-window:PT15M}") Duration paymentWindow) {
		this.orders = orders;
		this.listings = listings;
		this.reservations = reservations;
		this.catalog = catalog;
		this.network = network;
		this.accounts = accounts;
		this.payments = payments;
		this.refunds = refunds;
		this.pickupCodes = pickupCodes;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
		this.paymentWindow = paymentWindow;
	}

	public Order get(OrderId id) {
		return orders.find(id).orElseThrow(() -> new NotFoundException("order", id));
	}

	public Optional<Order> find(OrderId id) {
		return orders.find(id);
	}

	/** The order a submit of the resident with this idempotency key placed, if any (a retry answers with it). */
	public Optional<Order> placedWith(AccountId resident, String idempotencyKey) {
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			return Optional.empty();
		}
		return orders.findByIdempotencyKey(resident, idempotencyKey).map(this::get);
	}

	/** The resident's own order; anyone else's is "not found" (a resident sees only their own orders). */
	public Order getFor(AccountId resident, OrderId id) {
		var order = get(id);
		if (!order.residentId().equals(resident)) {
			throw new NotFoundException("order", id);
		}
		return order;
	}

	/** How many orders the resident has in each status. */
	public Map<OrderStatus, Long> countsByStatus(AccountId resident) {
		return orders.countsByStatus(resident);
	}

	public List<Order> ordersOf(AccountId resident, int limit) {
		return orders.load("where o.resident_id = ? order by o.id desc limit ?", List.of(resident.value(), limit));
	}

	/** The operator's order list: filtered, newest first, one page. */
	public com.linli.shared.Page<Order> search(OrderSearch search, int page, int size) {
		return orders.search(search, Math.max(page, 0), com.linli.shared.Page.size(size));
	}

	public List<Orders.TimelineEntry> timeline(OrderId id) {
		return orders.timelineOf(id);
	}

	/**
	 * The resident cancels: an unpaid order at any time, a paid one before cutoff with a full refund
	 * through the payment provider. Units go back to the listing.
	 */
	public Order cancelByResident(AccountId resident, OrderId id) {
		var order = getFor(resident, id);
		Instant now = clock.instant();
		if (!order.cancellableAt(now)) {
			throw new BusinessRuleException("not-cancellable",
					order.status() == OrderStatus.PAID ? Text.of("ordering.problem.pastCutoffOrderCanNoLonger")
							: Text.of("ordering.problem.notCancellable", order.status()));
		}
		tx.executeWithoutResult(s -> cancel(order, order.status() == OrderStatus.PAID ? "RESIDENT_REFUND" : "RESIDENT",
				now));
		return get(id);
	}

	/** Cancels unpaid orders whose payment window has passed; returns how many. */
	public int expireUnpaid() {
		int count = 0;
		for (OrderId id : orders.expiredUnpaid(clock.instant(), 500)) {
			Boolean done = tx.execute(s -> orders.find(id).map(o -> cancel(o, "EXPIRED", clock.instant())).orElse(false));
			if (Boolean.TRUE.equals(done)) {
				count++;
			}
		}
		return count;
	}

	/** The reason code of the refund of an order an operator cancelled. */
	public static final String STAFF_CANCEL = "STAFF_CANCEL";

	/** Cancels within the caller's transaction; false when the order had moved on meanwhile. */
	boolean cancel(Order order, String reason, Instant now) {
		boolean paid = order.status() == OrderStatus.PAID;
		var from = paid ? List.of(OrderStatus.PAID) : List.of(OrderStatus.PENDING_PAYMENT);
		if (!orders.cancel(order.id(), from, reason, now, paid ? now : null)) {
			return false;
		}
		for (OrderLine line : order.lines()) {
			// units an operator refunded before cutoff went back to the listing then
			int held = line.quantity() - line.refundedQuantity();
			if (held > 0) {
				reservations.release(line.listingId(), order.residentId(), held);
			}
		}
		Money refunded = Money.ZERO;
		if (paid) {
			refunded = reason.startsWith("STAFF")
					? refunds.refundWholeOrder(order, "cancel", STAFF_CANCEL, Text.of("ordering.refund.cancelledByPlatform").stored())
					: refunds.refundWholeOrder(order, "cancel", Text.of("ordering.refund.cancelledByResident").stored());
		}
		else if (payments.find(merchantReference(order.id())).isPresent()) {
			// the payment is opened at the cashier: an order nobody went to pay has none to close
			payments.close(merchantReference(order.id()));
		}
		orders.timeline(order.id(), now, OrderStatus.CANCELLED, switch (reason) {
			case "EXPIRED" -> Orders.note("expired");
			case "CUTOFF_UNPAID" -> Orders.note("cutoffUnpaid");
			case "CUTOFF_EARLY" -> Orders.note("cutoffEarly");
			case "RESIDENT_REFUND" -> Orders.note("cancelledRefunded");
			case "STAFF" -> Orders.note("cancelledByStaff");
			case "STAFF_REFUND" -> Orders.note("cancelledByStaffRefunded");
			default -> Orders.note("cancelled");
		});
		events.publishEvent(new OrderCancelled(order.id(), order.orderNo(), order.residentId(), order.pickupPointId(),
				reason, refunded));
		return true;
	}

	/**
	 * The payment of an order arrived (called once per payment by the payment listener). A payment
	 * for an order that was cancelled meanwhile (the timeout race) is refunded in full.
	 */
	void paymentArrived(OrderId id, Money amount, Instant paidAt) {
		var order = get(id);
		if (order.status() == OrderStatus.PENDING_PAYMENT) {
			String code = pickupCodes.newCode(order.pickupPointId());
			if (orders.markPaid(id, amount.fen(), code, paidAt)) {
				orders.timeline(id, clock.instant(), OrderStatus.PAID, Orders.note("paid"));
				events.publishEvent(new OrderPaid(id, order.orderNo(), order.residentId(), order.pickupPointId(),
						order.regionId(), order.pickupDate(), amount, code));
				return;
			}
			order = get(id);
		}
		if (order.status() == OrderStatus.CANCELLED && order.paid().isZero() && orders.recordLatePayment(id, amount.fen())) {
			refunds.refundWholeOrder(get(id), "late-payment", Text.of("ordering.refund.paidAfterCancellation").stored());
			orders.timeline(id, clock.instant(), OrderStatus.CANCELLED,
					Orders.note("latePaymentRefunded"));
		}
	}

	public static String merchantReference(OrderId id) {
		return "order:" + id.value();
	}

	public static Optional<OrderId> fromMerchantReference(String reference) {
		if (reference != null && reference.startsWith("order:")) {
			try {
				return Optional.of(new OrderId(Long.parseLong(reference.substring(6))));
			}
			catch (NumberFormatException e) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}
}
