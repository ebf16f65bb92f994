package com.linli.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.linli.catalog.SkuManagement;
import com.linli.catalog.Sku;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingReservations;
import com.linli.marketing.OrderPromotions;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.PriceEngine;
import com.linli.marketing.PriceQuote;
import com.linli.marketing.PriceRequest;
import com.linli.network.OrderHoldManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.network.PickupPoint;
import com.linli.ordering.internal.OrderInserts;
import com.linli.ordering.internal.OrderInserts.NewLine;
import com.linli.ordering.internal.OrderInserts.NewOrder;
import com.linli.ordering.internal.Orders;
import com.linli.ordering.internal.RecentSubmits;
import com.linli.ordering.internal.SubmitRules;
import com.linli.payment.Payment;
import com.linli.payment.PaymentManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.ReadCache;
import com.linli.shared.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resident places an order (the platform's hot path). A submit is idempotent by its key: a retry gets
 * the same order, never a second one. The rules are checked once, by {@link SubmitRules}; the units are
 * reserved at submit, and a listing sold out or a resident over a limit refuses the whole order and
 * changes nothing. The payment is opened when the resident goes to pay ({@link #openPayment}), not here.
 * <p>
 * The price is the price engine's ({@link PriceEngine}): each line is stored with its share of every
 * deduction and the order costs the quote's payable amount; marketing is told of the placement in the
 * order's transaction ({@link OrderPromotions#placed}), so a coupon already used or points above the
 * balance undo the whole order. {@link #quote} answers the same price without placing (checkout preview).
 */
@Service
public class OrderPlacementManagement {

	private final SubmitRules rules;

	private final RecentSubmits recent;

	private final OrderInserts inserts;

	private final Orders orders;

	private final ListingManagement listings;

	private final ListingReservations reservations;

	private final SkuManagement catalog;

	private final ResidentBindingManagement network;

	private final OrderHoldManagement holds;

	private final AccountManagement accounts;

	private final PaymentManagement payments;

	private final PriceEngine engine;

	private final OrderPromotions promotions;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Duration paymentWindow;

	/** Name and phone for the pickup list by resident: the phone never changes, a new name shows within a minute. */
	private final ReadCache<AccountId, Recipient> recipients = new ReadCache<>("ordering.recipient", Duration.ofMinutes(1), 100_000);

	OrderPlacementManagement(SubmitRules rules, RecentSubmits recent, OrderInserts inserts, Orders orders,
			ListingManagement listings, ListingReservations reservations, SkuManagement catalog,
			ResidentBindingManagement network, OrderHoldManagement holds, AccountManagement accounts,
			PaymentManagement payments, PriceEngine engine, OrderPromotions promotions, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
			@Value("${linli.ordering.payment-window:PT15M}") Duration paymentWindow) {
		this.rules = rules;
		this.recent = recent;
		this.inserts = inserts;
		this.orders = orders;
		this.listings = listings;
		this.reservations = reservations;
		this.catalog = catalog;
		this.network = network;
		this.holds = holds;
		this.accounts = accounts;
		this.payments = payments;
		this.engine = engine;
		this.promotions = promotions;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
		this.paymentWindow = paymentWindow;
	}

	/**
	 * Places the resident's order, or answers with the one this key placed before. A listing known on
	 * this node to be sold out refuses at once, without the database.
	 */
	public Order place(PlaceOrder command) {
		var refusal = rules.refusalWithoutDatabase(command);
		if (refusal.isPresent()) {
			throw refusal.get();
		}
		Optional<OrderId> known = recent.find(command);
		if (known.isPresent()) {
			return get(known.get());
		}
		try {
			return tx.execute(status -> placeInTransaction(command));
		}
		catch (DuplicateKeyException e) {
			// the key was used before (a retry), or a concurrent submit with it won: answer with that order
			return orders.findByIdempotencyKey(command.residentId(), command.idempotencyKey()).map(this::get)
				.orElseThrow(() -> e);
		}
	}

	/**
	 * The price this submit would be placed at now, with its explanation, without placing it: the same
	 * pickup point, listings, prices and engine as {@link #place}, so what checkout shows is what the order
	 * charges (as long as nothing changes in between). Its shape is checked, its key is not needed.
	 */
	public PriceQuote quote(PlaceOrder command) {
		rules.checkShape(command);
		Instant now = clock.instant();
		PickupPoint point = pickupPointOf(command.residentId());
		List<Listing> chosen = openListings(command, point, now);
		rules.pickupDate(chosen);
		return engine.quote(priceRequest(command, point, lines(command, chosen)));
	}

	/** Checks the promotion choices of a submit (points, coupon and team ids); a bad one names its field. */
	public void checkChoices(PlaceOrder command) {
		rules.checkChoices(command);
	}

	/**
	 * The refusal a submit would meet before the database, if any (the sold-out gate answers a flash
	 * sale's losers with it, without an exception per request). Invalid input still throws.
	 */
	public Optional<BusinessRuleException> refusalWithoutDatabase(PlaceOrder command) {
		return rules.refusalWithoutDatabase(command);
	}

	/**
	 * The payment of the resident's unpaid order, opened now if it is not yet (when the resident goes
	 * to the cashier): idempotent, it expires with the order's payment window. Someone else's order is
	 * "not found"; an order no longer waiting for payment cannot be paid (409).
	 */
	public Payment openPayment(AccountId resident, OrderId id) {
		Order order = get(id);
		if (!order.residentId().equals(resident)) {
			throw new NotFoundException("order", id);
		}
		var existing = payments.find(OrderManagement.merchantReference(id));
		if (existing.isPresent()) {
			return existing.get();
		}
		if (order.status() != OrderStatus.PENDING_PAYMENT || !order.expiresAt().isAfter(clock.instant())) {
			throw new BusinessRuleException("not-payable", Text.of("ordering.problem.notPayable", order.status()));
		}
		return payments.createPayment(OrderManagement.merchantReference(id), order.total(),
				"邻里团购订单 " + order.orderNo(), order.expiresAt(), resident);
	}

	/**
	 * The statements of a submit: the pickup point, listings and SKUs from caches, then the order with
	 * its timeline entry and lines (one statement) and the reservation (one statement, last, so the
	 * listing rows stay locked only until the commit). The answer is built from what was written.
	 */
	private Order placeInTransaction(PlaceOrder command) {
		Instant now = clock.instant();
		AccountId resident = command.residentId();
		PickupPoint point = pickupPointOf(resident);
		if (!holds.takesOrders(point.id())) {
			// a new leader's point waits for their training (the leader module holds it)
			throw new BusinessRuleException("pickup-point-not-open-yet", "pickupPointId",
					Text.of("ordering.problem.pickupPointNotOpenYet", point.name()));
		}
		List<Listing> chosen = openListings(command, point, now);
		LocalDate pickupDate = rules.pickupDate(chosen);
		List<NewLine> atGroupPrice = lines(command, chosen);
		// the price engine: each line's share of every deduction, stored on the line; the order costs the payable
		PriceRequest request = priceRequest(command, point, atGroupPrice);
		PriceQuote quote = engine.quote(request);
		List<NewLine> lines = new ArrayList<>(atGroupPrice.size());
		for (int i = 0; i < atGroupPrice.size(); i++) {
			lines.add(atGroupPrice.get(i).withShares(quote.lines().get(i).shares()));
		}
		Money total = quote.payable();
		if (!total.equals(lines.stream().map(l -> l.unitPrice().times(l.quantity()).minus(l.shares().values().stream()
			.reduce(Money.ZERO, Money::plus))).reduce(Money.ZERO, Money::plus))) {
			// the engine's promise (lines add up to the payable to the fen); the order's paid = its lines' paid
			throw new IllegalStateException("the quote's lines do not add up to its payable " + total);
		}
		Instant cutoff = chosen.stream().map(Listing::cutoffAt).min(Comparator.naturalOrder()).orElseThrow();
		Instant expires = now.plus(paymentWindow).isBefore(cutoff) ? now.plus(paymentWindow) : cutoff;
		Recipient recipient = recipients.get(resident, this::recipientOf);
		var inserted = inserts.insert(new NewOrder(null, resident, command.idempotencyKey(), recipient.displayName(),
				recipient.phone(), point.regionId(), point.id(), pickupDate, total, now, expires, cutoff, command.note()),
				LocalDate.ofInstant(now, clock.getZone()), lines);
		// coupons used, points spent, a team joined: in this transaction, a refusal undoes the order
		Map<ListingId, Long> lineIds = new java.util.HashMap<>();
		inserted.lineIdsByListing().forEach((listing, line) -> lineIds.put(new ListingId(listing), line.value()));
		promotions.placed(new PlacedOrder(inserted.id().value(), resident, point.regionId(), point.id(), request, quote,
				lineIds, now));
		events.publishEvent(new OrderPlaced(inserted.id(), resident, point.id(), total));
		recent.rememberAfterCommit(command, inserted.id());
		reservations.reserve(resident, quantities(command));
		List<OrderLine> orderLines = lines.stream().map(l -> new OrderLine(inserted.lineIdsByListing().get(l.listingId().value()),
				l.listingId(), l.skuId(), l.skuName(), l.spec(), l.unit(), l.categoryId(), l.unitPrice(), l.quantity(),
				l.unitPrice().times(l.quantity()), 0, Money.ZERO, 0, 0, l.shares())).toList();
		return new Order(inserted.id(), inserted.orderNo(), resident, recipient.displayName(), recipient.phone(),
				point.regionId(), point.id(), pickupDate, OrderStatus.PENDING_PAYMENT, total, Money.ZERO, Money.ZERO, null,
				null, now, expires, null, cutoff, null, null, command.note(), orderLines);
	}

	private PickupPoint pickupPointOf(AccountId resident) {
		return network.cachedPickupPointOf(resident)
			.orElseThrow(() -> new BusinessRuleException("no-pickup-point", "pickupPointId",
					Text.of("ordering.problem.choosePickupPointFirst")));
	}

	/** What the engine prices: the lines at their listings' group price, with the resident's choices. */
	private static PriceRequest priceRequest(PlaceOrder command, PickupPoint point, List<NewLine> lines) {
		return new PriceRequest(command.residentId(), point.regionId(), point.id(),
				lines.stream().map(l -> new PriceRequest.Line(l.listingId(), l.skuId(), l.categoryId(), l.unitPrice(),
						l.quantity())).toList(),
				command.coupon(), command.points(), command.team());
	}

	private List<Listing> openListings(PlaceOrder command, PickupPoint point, Instant now) {
		var found = listings.cachedListings(command.items().stream().map(OrderItem::listingId).toList());
		List<Listing> chosen = new ArrayList<>(command.items().size());
		for (int i = 0; i < command.items().size(); i++) {
			chosen.add(rules.openListing(found.get(command.items().get(i).listingId()), point, now, i));
		}
		return chosen;
	}

	/** The order's lines, priced and named as the listings and SKUs are now. */
	private List<NewLine> lines(PlaceOrder command, List<Listing> chosen) {
		var skus = catalog.cachedSkus(chosen.stream().map(Listing::skuId).toList());
		List<NewLine> lines = new ArrayList<>(chosen.size());
		for (int i = 0; i < chosen.size(); i++) {
			Listing listing = chosen.get(i);
			Sku sku = skus.get(listing.skuId());
			lines.add(new NewLine(listing.id(), sku.id(), sku.categoryId(), sku.productName(), sku.spec(), sku.unit(),
					listing.groupPrice(), command.items().get(i).quantity()));
		}
		return lines;
	}

	/** The units to reserve, in listing id order (the reservation locks the rows in that order). */
	private static Map<ListingId, Integer> quantities(PlaceOrder command) {
		Map<ListingId, Integer> quantities = new TreeMap<>(Comparator.comparingLong(ListingId::value));
		command.items().forEach(item -> quantities.put(item.listingId(), item.quantity()));
		return quantities;
	}

	private Recipient recipientOf(AccountId resident) {
		var account = accounts.get(resident);
		return new Recipient(account.displayName(), account.phone());
	}

	private Order get(OrderId id) {
		return orders.find(id).orElseThrow(() -> new NotFoundException("order", id));
	}

	private record Recipient(String displayName, String phone) {
	}
}
