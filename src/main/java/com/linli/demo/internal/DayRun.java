package com.linli.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.linli.demo.DaySettings;
import com.linli.demo.SimulatedDay;
import com.linli.demo.internal.DayPlanner.Arrival;
import com.linli.demo.internal.DayPlanner.DayPlan;
import com.linli.demo.internal.DayPlanner.Fate;
import com.linli.demo.internal.DayPlanner.Shopper;
import com.linli.fulfilment.CutoffRun;
import com.linli.marketing.Listing;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderItem;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderStatus;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pickup date of a region on the simulator's timeline. At 09:00 the day before, it publishes (or
 * finds) the day's listings and plans the day ({@link DayPlanner}); then each resident's order,
 * payment at the bank, abandonment or cancellation happens at its planned instant, the cutoff at the
 * listings' cutoff, the trucks and the arrivals next morning (with the planned shortages), and each
 * collection at its time. A resident's step that a service refuses (sold out, already collected) is
 * counted and the day goes on.
 */
public final class DayRun {

	private static final Logger log = LoggerFactory.getLogger(DayRun.class);

	/** A paid order is cancelled only this long before the cutoff, at the latest. */
	static final Duration LAST_CANCEL = Duration.ofMinutes(2);

	/** Unpaid orders past their window are swept this often at most (the platform's own job sweeps too). */
	static final Duration EXPIRY_SWEEPS = Duration.ofMinutes(5);

	/** The morning's routes are planned after the night's purchase orders went out. */
	static final java.time.LocalTime ROUTES_PLANNED = java.time.LocalTime.of(3, 30);

	/** The goods go from the central warehouse to the grid warehouses once the suppliers have delivered. */
	static final java.time.LocalTime GOODS_TO_GRID = DaySupply.LAST_RECEIPT.plusMinutes(2);

	/** What all days of a run share: the region, its points, the services, the timeline and the bank sign-in. */
	public record Context(RegionId region, String regionKey, ZoneId zone, List<DayPlanner.Point> points,
			DaySettings settings, Clock clock, Timeline timeline, PendingPayments payments, BankCashier cashier,
			BankCashier.Session session, ResidentActions residents, DayFulfilment fulfilment, DayListings listings,
			DaySupply supply, DayLogistics logistics) {
	}

	private final Context c;

	private final LocalDate pickupDate;

	private DayPlan plan;

	private List<Listing> listed = List.of();

	private Instant cutoffAt;

	private CutoffRun cutoff;

	private Order[] placed;

	private final Map<OrderId, Integer> shopperOf = new HashMap<>();

	private final Map<OrderId, Order> ready = new LinkedHashMap<>();

	private int outstanding;

	private Instant nextExpiry;

	private int refused;

	private int paid;

	private int abandoned;

	private int cancelled;

	private int confirmed;

	private int shortPoints;

	private int shortUnits;

	private int purchaseOrders;

	private int supplyShortUnits;

	private Money paidAmount = Money.ZERO;

	private Money refundedAmount = Money.ZERO;

	private Money pickedUpAmount = Money.ZERO;

	public DayRun(Context context, LocalDate pickupDate) {
		this.c = context;
		this.pickupDate = pickupDate;
	}

	/** 09:00 the day before pickup, region time: the day's listings go up and the day is planned. */
	public static Instant startOf(LocalDate pickupDate, ZoneId zone) {
		return pickupDate.minusDays(1).atTime(DayPlanner.PUBLISH).atZone(zone).toInstant();
	}

	/** 23:00 of the pickup day: the last collections are over. */
	public static Instant endOf(LocalDate pickupDate, ZoneId zone) {
		return pickupDate.atTime(23, 0).atZone(zone).toInstant();
	}

	public LocalDate pickupDate() {
		return pickupDate;
	}

	public void schedule() {
		at(startOf(pickupDate, c.zone()), this::open);
	}

	private void at(Instant at, Runnable step) {
		outstanding++;
		c.timeline().at(at, () -> {
			outstanding--;
			step.run();
		});
	}

	private void open() {
		ZoneId zone = c.zone();
		LocalDate orderDay = pickupDate.minusDays(1);
		listed = c.listings().listingsFor(c.region(), pickupDate,
				orderDay.atTime(DayPlanner.OPENS).atZone(zone).toInstant(),
				orderDay.atTime(DayPlanner.CUTOFF).atZone(zone).toInstant());
		if (listed.isEmpty()) {
			log.warn("Day simulator: nothing listed in region {} for {}; no orders that day", c.region(), pickupDate);
			return;
		}
		var baskets = new Baskets(c.listings().options(listed), c.settings().seed());
		plan = DayPlanner.plan(pickupDate, zone, c.points(), baskets, c.settings().shopperShare(), c.settings().rates(),
				c.settings().seed(), c.regionKey());
		placed = new Order[plan.shoppers().size()];
		cutoffAt = listed.stream().map(Listing::cutoffAt).min(Instant::compareTo).orElseThrow();
		for (int i = 0; i < plan.shoppers().size(); i++) {
			int shopper = i;
			at(plan.shoppers().get(i).orderAt(), () -> order(shopper));
		}
		at(cutoffAt, this::cutoff);
		plan.dispatches().forEach((grid, when) -> at(when, () -> dispatch(grid)));
		plan.arrivals().forEach(arrival -> at(arrival.at(), () -> arrive(arrival)));
	}

	private void order(int i) {
		Shopper s = plan.shoppers().get(i);
		List<OrderItem> items = s.basket().stream()
			.map(line -> new OrderItem(listed.get(line.option()).id(), line.quantity())).toList();
		String key = "sim-" + pickupDate + "-" + s.resident().value();
		var order = c.residents().order(s.resident(), key, items, s.viaCart());
		if (order.isEmpty()) {
			refused++;
			return;
		}
		if (order.get().status() != OrderStatus.PENDING_PAYMENT) {
			// this resident's order of the day from an earlier run (same idempotency key): nothing new
			return;
		}
		Order o = order.get();
		placed[i] = o;
		shopperOf.put(o.id(), i);
		if (s.fate() == Fate.ABANDON) {
			abandoned++;
			Instant expiry = o.expiresAt().plusSeconds(1);
			if (expiry.isBefore(cutoffAt) && (nextExpiry == null || expiry.isAfter(nextExpiry))) {
				// the payment window passes: the order is cancelled and its units go back on sale (one
				// sweep takes every order due by then, so the next few abandoned orders wait for the next)
				nextExpiry = expiry.plus(EXPIRY_SWEEPS);
				at(nextExpiry, c.residents()::expireUnpaid);
			}
			return;
		}
		Instant payAt = o.createdAt().plus(s.payAfter());
		Instant latest = o.expiresAt().minusSeconds(5);
		at(payAt.isBefore(latest) ? payAt : latest, () -> pay(i));
	}

	private void pay(int i) {
		Order o = placed[i];
		var payment = c.cashier().pay(c.session(), c.residents().transactionOf(o.id()));
		Instant paidAt = c.clock().instant();
		c.payments().add(o.id(), paidAt, o.expiresAt(), payment, after -> paid(i, after, paidAt));
	}

	/**
	 * The order after its payment settled; {@code paidAt} is the simulated moment the resident paid (the
	 * order's own paidAt is stamped when ordering hears of the payment, later when the machine is busy).
	 */
	private void paid(int i, Order after, Instant paidAt) {
		placed[i] = after;
		if (after.status() != OrderStatus.PAID) {
			abandoned++;
			return;
		}
		paid++;
		paidAmount = paidAmount.plus(after.paid());
		Shopper s = plan.shoppers().get(i);
		Instant cancelAt = paidAt.plus(s.cancelAfter());
		if (s.fate() == Fate.PAY_THEN_CANCEL && cancelAt.isBefore(cutoffAt.minus(LAST_CANCEL))) {
			at(cancelAt, () -> cancel(i));
		}
	}

	private void cancel(int i) {
		c.payments().settle();
		Order o = placed[i];
		c.residents().cancel(o.residentId(), o.id()).ifPresent(after -> {
			placed[i] = after;
			cancelled++;
			refundedAmount = refundedAmount.plus(after.refunded());
		});
	}

	private void cutoff() {
		c.payments().settle();
		cutoff = c.fulfilment().cutoff(c.region(), pickupDate);
		confirmed = cutoff.orders();
		// the night's purchasing: orders sent and confirmed after midnight, goods received before the trucks leave
		long seed = c.settings().seed();
		var deliveries = c.supply().afterCutoff(cutoff, c.zone(), seed);
		purchaseOrders = deliveries.size();
		for (var delivery : deliveries) {
			at(delivery.sendAt(), () -> c.supply().send(delivery, seed));
			at(delivery.arriveAt(), () -> {
				var shortfall = c.supply().receive(delivery, seed);
				supplyShortUnits += shortfall.units();
				refundedAmount = refundedAmount.plus(shortfall.refunded());
			});
		}
		// the morning's routes are planned once the night's purchases are out, the goods go to the grid
		// warehouses once the suppliers have delivered, and the drivers leave from the first shift on
		Map<Long, Instant> receiptAt = new HashMap<>();
		plan.arrivals().forEach(a -> receiptAt.put(c.points().get(a.point()).id().value(), a.at()));
		at(pickupDate.atTime(ROUTES_PLANNED).atZone(c.zone()).toInstant(),
				() -> c.logistics().planAndDrive(cutoff, c.timeline(), receiptAt, seed));
		plan.dispatches().keySet().forEach(grid -> at(pickupDate.atTime(GOODS_TO_GRID).atZone(c.zone()).toInstant(),
				() -> c.logistics().transfer(cutoff, grid)));
	}

	private void dispatch(WarehouseId grid) {
		if (cutoff != null) {
			c.fulfilment().dispatch(cutoff, grid);
		}
	}

	private void arrive(Arrival arrival) {
		PickupPointId point = c.points().get(arrival.point()).id();
		var arriving = c.fulfilment().arriving(point, pickupDate);
		if (arriving.isEmpty()) {
			return;
		}
		var missing = missing(arriving, arrival);
		var receipt = c.fulfilment().receive(point, pickupDate, missing);
		if (!missing.isEmpty()) {
			shortPoints++;
			shortUnits += missing.values().stream().mapToInt(Integer::intValue).sum();
		}
		refundedAmount = refundedAmount.plus(receipt.refunded());
		for (Order order : c.fulfilment().ready(point, pickupDate)) {
			ready.put(order.id(), order);
			Integer i = shopperOf.get(order.id());
			Shopper s = i == null ? null : plan.shoppers().get(i);
			if (s != null && s.pickupAt() != null) {
				at(s.pickupAt(), () -> collect(order.id(), s.partial(), s.returnAt()));
			}
		}
	}

	/** The planned number of units, each taken from a line drawn at random among those arriving. */
	private static Map<OrderLineId, Integer> missing(List<Order> arriving, Arrival arrival) {
		Map<OrderLineId, Integer> missing = new HashMap<>();
		if (arrival.shortUnits() == 0) {
			return missing;
		}
		List<OrderLine> lines = new ArrayList<>();
		arriving.forEach(o -> lines.addAll(o.lines().stream().filter(l -> l.remainingQuantity() > 0).toList()));
		Random random = new Random(arrival.shortSeed());
		for (int unit = 0; unit < arrival.shortUnits() && !lines.isEmpty(); unit++) {
			OrderLine line = lines.get(random.nextInt(lines.size()));
			int already = missing.getOrDefault(line.id(), 0);
			if (already < line.remainingQuantity()) {
				missing.put(line.id(), already + 1);
			}
		}
		return missing;
	}

	private void collect(OrderId id, boolean partial, Instant returnAt) {
		Order before = ready.get(id);
		List<OrderLineId> lines = new ArrayList<>();
		if (partial && before.lines().size() > 1) {
			before.lines().subList(0, before.lines().size() / 2).forEach(l -> lines.add(l.id()));
		}
		try {
			Order after = c.residents().collect(before.pickupPointId(), before.pickupCode(), lines);
			ready.put(id, after);
			pickedUpAmount = pickedUpAmount.plus(handedOut(before, after));
			if (!lines.isEmpty() && returnAt != null) {
				at(returnAt, () -> collect(id, false, null));
			}
		}
		catch (BusinessRuleException e) {
			log.debug("Day simulator: collecting order {} refused: {}", id, e.getMessage());
		}
	}

	private static Money handedOut(Order before, Order after) {
		Money amount = Money.ZERO;
		for (OrderLine line : after.lines()) {
			int was = before.lines().stream().filter(l -> l.id().equals(line.id())).mapToInt(OrderLine::pickedUpQuantity)
				.sum();
			amount = amount.plus(line.unitPrice().times(line.pickedUpQuantity() - was));
		}
		return amount;
	}

	/** What happened so far; complete once every step of the day has run. */
	public SimulatedDay result() {
		int shoppers = plan == null ? 0 : plan.shoppers().size();
		int ordersPlaced = shopperOf.size();
		int pickedUp = 0;
		int partly = 0;
		int waiting = 0;
		for (Order order : ready.values()) {
			if (order.status() == OrderStatus.PICKED_UP) {
				pickedUp++;
			}
			else if (order.lines().stream().anyMatch(l -> l.pickedUpQuantity() > 0)) {
				partly++;
			}
			else {
				waiting++;
			}
		}
		return new SimulatedDay(c.region(), pickupDate, plan != null && outstanding == 0, listed.size(), shoppers,
				ordersPlaced, refused, paid, abandoned, cancelled, confirmed, shortPoints, shortUnits, pickedUp, partly,
				waiting, paidAmount, refundedAmount, pickedUpAmount, purchaseOrders, supplyShortUnits);
	}
}
