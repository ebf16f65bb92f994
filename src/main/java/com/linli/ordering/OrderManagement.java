package com.linli.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.ordering.internal.OrderCancellations;
import com.linli.ordering.internal.OrderQueries;
import com.linli.ordering.internal.Orders;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resident's orders: pay through the payment module, cancel, and the expiry of unpaid orders that gives
 * their units back (placing one is {@link OrderPlacementManagement}).
 */
@Service
public class OrderManagement {

	private final Orders orders;

	private final OrderQueries queries;

	private final OrderCancellations cancellations;

	private final TransactionTemplate tx;

	private final Clock clock;

	OrderManagement(Orders orders, OrderQueries queries, OrderCancellations cancellations, TransactionTemplate tx,
			Clock clock) {
		this.orders = orders;
		this.queries = queries;
		this.cancellations = cancellations;
		this.tx = tx;
		this.clock = clock;
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
		return queries.countsByStatus(resident);
	}

	public List<Order> ordersOf(AccountId resident, int limit) {
		return queries.ofResident(resident, limit);
	}

	/** The operator's order list: filtered, newest first, one page. */
	public com.linli.shared.Page<Order> search(OrderSearch search, int page, int size) {
		return queries.search(search, Math.max(page, 0), com.linli.shared.Page.size(size));
	}

	public List<Orders.TimelineEntry> timeline(OrderId id) {
		return queries.timelineOf(id);
	}

	/**
	 * The resident cancels: an unpaid order at any time, a paid one before cutoff with a full refund
	 * through the payment provider. Units go back to the listing.
	 */
	public Order cancelByResident(AccountId resident, OrderId id) {
		tx.executeWithoutResult(s -> {
			var order = getFor(resident, id);
			Instant now = clock.instant();
			cancellations.apply(order, order.cancelByResident(now), now);
		});
		return get(id);
	}

	/**
	 * Cancels unpaid orders whose payment window has passed, each in its own transaction; returns how
	 * many. An order paid (or cancelled) since it was listed is left alone: its save loses the race.
	 */
	public int expireUnpaid() {
		int count = 0;
		for (OrderId id : orders.expiredUnpaid(clock.instant(), 500)) {
			try {
				Boolean done = tx.execute(s -> orders.find(id).filter(o -> o.status() == OrderStatus.PENDING_PAYMENT)
					.map(o -> {
						Instant now = clock.instant();
						cancellations.apply(o, o.expire(now), now);
						return true;
					}).orElse(false));
				if (Boolean.TRUE.equals(done)) {
					count++;
				}
			}
			catch (BusinessRuleException e) {
				if (!"changed-concurrently".equals(e.code())) {
					throw e;
				}
				// the payment arrived between the read and the save: the order is paid, not expired
			}
		}
		return count;
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
