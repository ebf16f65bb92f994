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

import com.linli.catalog.SkuManagement;
import com.linli.catalog.Sku;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.CurrentUser;
import com.linli.marketing.ListingId;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingReservations;
import com.linli.marketing.ListingStatus;
import com.linli.network.ResidentBindingManagement;
import com.linli.ordering.internal.OrderRefunds;
import com.linli.ordering.internal.OrderCancellations;
import com.linli.ordering.internal.OrderQueries;
import com.linli.ordering.internal.Orders;
import com.linli.ordering.internal.Orders.NewLine;
import com.linli.ordering.internal.Orders.NewOrder;
import com.linli.payment.PaymentManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resident's orders: submit (idempotent, reserving units within caps and limits), read them, cancel,
 * and the expiry of unpaid orders that gives their units back. The moves themselves are the {@link Order}'s.
 */
@Service
public class OrderManagement {

	static final int MAX_LINES = 40;

	private final Orders orders;

	private final ListingManagement listings;

	private final ListingReservations reservations;

	private final SkuManagement catalog;

	private final ResidentBindingManagement network;

	private final AccountManagement accounts;

	private final PaymentManagement payments;

	private final OrderQueries queries;

	private final OrderCancellations cancellations;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Duration paymentWindow;

	OrderManagement(Orders orders, ListingManagement listings, ListingReservations reservations, SkuManagement catalog, ResidentBindingManagement network,
			AccountManagement accounts, PaymentManagement payments, OrderQueries queries, OrderCancellations cancellations,
			ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
			@Value("${linli.ordering.payment-window:PT15M}") Duration paymentWindow) {
		this.orders = orders;
		this.listings = listings;
		this.reservations = reservations;
		this.catalog = catalog;
		this.network = network;
		this.accounts = accounts;
		this.payments = payments;
		this.queries = queries;
		this.cancellations = cancellations;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
		this.paymentWindow = paymentWindow;
	}

	/**
	 * Submits an order: the same idempotency key returns the same order, never a second one. Units are
	 * reserved at submit; a listing sold out or a resident over the limit refuses the whole order and
	 * changes nothing.
	 */
	public Order place(PlaceOrder command) {
		return placeWithPayment(command).order();
	}

	/**
	 * As {@link #place(PlaceOrder)}, with the payment opened for the order (for the cashier link of the
	 * answer, without reading it back). A listing known to be sold out on this node refuses at once,
	 * without the database; a retry of a submit placed on this node in the last quarter hour still gets
	 * its order.
	 */
	public PlacedOrder placeWithPayment(PlaceOrder command) {
		validate(command);
		OrderId known = recentSubmits.get(submitKey(command));
		if (known != null) {
			return new PlacedOrder(get(known), null);
		}
		reservations.refuseIfKnownSoldOut(command.items().stream().map(OrderItem::listingId).toList());
		try {
			return tx.execute(status -> placeInTransaction(command));
		}
		catch (DuplicateKeyException e) {
			// the key was used before (a retry), or a concurrent submit with it won: answer with that order
			return orders.findByIdempotencyKey(command.residentId(), command.idempotencyKey()).map(this::get)
				.map(order -> new PlacedOrder(order, null))
				.orElseThrow(() -> e);
		}
	}

	/**
	 * The refusal a submit would meet before touching the database, if any: a listing known on this node
	 * to be sold out (and the submit not a retry of one placed here). Invalid input still throws. Lets
	 * the web layer answer a flash sale's losers without an exception per request.
	 */
	public Optional<BusinessRuleException> refusalWithoutDatabase(PlaceOrder command) {
		validate(command);
		if (recentSubmits.containsKey(submitKey(command))) {
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

	/** An order just placed and the payment opened for it (null when the order was placed before). */
	public record PlacedOrder(Order order, com.linli.payment.Payment payment) {
	}

	private static String submitKey(PlaceOrder command) {
		return command.residentId().value() + "|" + command.idempotencyKey();
	}

	/** Submits placed on this node lately, by resident and key: a retry after a sell-out still finds its order. */
	private final Map<String, OrderId> recentSubmits = new java.util.concurrent.ConcurrentHashMap<>();

	private final java.util.concurrent.ConcurrentLinkedQueue<Object[]> recentSubmitTimes = new java.util.concurrent.ConcurrentLinkedQueue<>();

	private static final long RECENT_SUBMIT_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(15);

	/** Remembers a submit placed here; machine time (not the platform clock, which the demo moves). */
	private void remember(String key, OrderId id) {
		long now = System.nanoTime();
		recentSubmits.put(key, id);
		recentSubmitTimes.add(new Object[] { key, now });
		for (Object[] head; (head = recentSubmitTimes.peek()) != null
				&& (now - (Long) head[1] > RECENT_SUBMIT_NANOS || recentSubmits.size() > 200_000);) {
			recentSubmitTimes.poll();
			recentSubmits.remove((String) head[0]);
		}
	}

	/**
	 * The hot path of the platform, kept to a handful of statements: the resident's pickup point, the
	 * listings and their SKUs from caches, then the order with its timeline entry and lines (one
	 * statement), the payment, and last the reservation (one statement, so the listing rows stay locked
	 * only until commit).
	 */
	private PlacedOrder placeInTransaction(PlaceOrder command) {
		Instant now = clock.instant();
		var resident = command.residentId();
		var point = network.cachedPickupPointOf(resident)
			.orElseThrow(() -> new BusinessRuleException("no-pickup-point", "pickupPointId",
					Text.of("ordering.problem.choosePickupPointFirst")));
		var found = listings.cachedListings(command.items().stream().map(OrderItem::listingId).toList());
		List<Listing> chosen = new ArrayList<>();
		for (int i = 0; i < command.items().size(); i++) {
			chosen.add(openListing(command.items().get(i), found.get(command.items().get(i).listingId()),
					point.regionId(), now, i));
		}
		LocalDate pickupDate = chosen.get(0).pickupDate();
		if (chosen.stream().anyMatch(l -> !l.pickupDate().equals(pickupDate))) {
			throw new InvalidInputException("items", Text.of("ordering.problem.oneOrderOnePickupDate"));
		}
		var skus = catalog.cachedSkus(chosen.stream().map(Listing::skuId).toList());
		Money total = Money.ZERO;
		List<NewLine> lines = new ArrayList<>();
		Map<ListingId, Integer> quantities = new TreeMap<>(Comparator.comparingLong(ListingId::value));
		for (int i = 0; i < chosen.size(); i++) {
			Listing listing = chosen.get(i);
			Sku sku = skus.get(listing.skuId());
			int quantity = command.items().get(i).quantity();
			lines.add(new NewLine(listing.id(), sku.id(), sku.categoryId(), sku.productName(), sku.spec(), sku.unit(),
					listing.groupPrice(), quantity));
			quantities.put(listing.id(), quantity);
			total = total.plus(listing.groupPrice().times(quantity));
		}
		Instant cutoff = chosen.stream().map(Listing::cutoffAt).min(Comparator.naturalOrder()).orElseThrow();
		Instant expires = now.plus(paymentWindow).isBefore(cutoff) ? now.plus(paymentWindow) : cutoff;
		var recipient = recipient(resident);
		var inserted = orders.insert(new NewOrder(null, resident, command.idempotencyKey(), recipient.displayName(),
				recipient.phone(), point.regionId(), point.id(), pickupDate, total, now, expires, cutoff, command.note()),
				LocalDate.ofInstant(now, clock.getZone()), lines);
		var payment = payments.createPayment(merchantReference(inserted.id()), total,
				"邻里团购订单 " + inserted.orderNo(), expires, resident);
		events.publishEvent(new OrderPlaced(inserted.id(), resident, point.id(), total));
		// registered before the reservation's own: a retry after the sell-out this order causes finds it
		String key = submitKey(command);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				remember(key, inserted.id());
			}
		});
		reservations.reserve(resident, quantities);
		return new PlacedOrder(placed(inserted, command, recipient, point, pickupDate, total, now, expires, cutoff,
				lines), payment);
	}

	/** Name and phone for the pickup list: from the signed-in resident, else from identity. */
	private Recipient recipient(AccountId resident) {
		return CurrentUser.get().filter(u -> u.id().equals(resident))
			.map(u -> new Recipient(u.displayName(), u.phone()))
			.orElseGet(() -> {
				var account = accounts.get(resident);
				return new Recipient(account.displayName(), account.phone());
			});
	}

	private record Recipient(String displayName, String phone) {
	}

	/** The order just placed, built from what was written rather than read back. */
	private static Order placed(Orders.Inserted inserted, PlaceOrder command, Recipient recipient,
			com.linli.network.PickupPoint point, LocalDate pickupDate, Money total, Instant now, Instant expires,
			Instant cutoff, List<NewLine> lines) {
		List<OrderLine> orderLines = new ArrayList<>();
		for (NewLine l : lines) {
			orderLines.add(new OrderLine(inserted.lineIdsByListing().get(l.listingId().value()), l.listingId(), l.skuId(), l.skuName(), l.spec(), l.unit(), l.categoryId(),
					l.unitPrice(), l.quantity(), l.unitPrice().times(l.quantity()), 0, Money.ZERO, 0, 0));
		}
		return new Order(inserted.id(), inserted.orderNo(), command.residentId(), recipient.displayName(),
				recipient.phone(), point.regionId(), point.id(), pickupDate, OrderStatus.PENDING_PAYMENT, total,
				Money.ZERO, Money.ZERO, null, null, now, expires, null, cutoff, null, null, command.note(),
				List.copyOf(orderLines));
	}

	private Listing openListing(OrderItem item, Listing listing, com.linli.network.RegionId region, Instant now,
			int index) {
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
		return listing;
	}

	private static void validate(PlaceOrder command) {
		if (command.idempotencyKey() == null || command.idempotencyKey().isBlank()
				|| command.idempotencyKey().length() > 80) {
			throw new InvalidInputException("Idempotency-Key", "an idempotency key of 1 to 80 characters is required");
		}
		if (command.items().isEmpty()) {
			throw new InvalidInputException("items", Text.of("ordering.problem.atLeastOneItemRequired"));
		}
		if (command.note() != null && command.note().length() > PlaceOrder.NOTE_MAX) {
			throw new InvalidInputException("note", "at most " + PlaceOrder.NOTE_MAX + " characters");
		}
		if (command.items().size() > MAX_LINES) {
			throw new InvalidInputException("items", "at most " + MAX_LINES + " different items in one order");
		}
		var seen = new HashSet<Long>();
		for (int i = 0; i < command.items().size(); i++) {
			var item = command.items().get(i);
			if (item.listingId() == null) {
				throw new InvalidInputException("items[" + i + "].listingId", "is required");
			}
			if (item.quantity() < 1 || item.quantity() > 99) {
				throw new InvalidInputException("items[" + i + "].quantity", "must be between 1 and 99");
			}
			if (!seen.add(item.listingId().value())) {
				throw new InvalidInputException("items[" + i + "].listingId", "listed twice in one order");
			}
		}
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
