package com.linli.ordering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.linli.catalog.SkuId;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingStatus;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderPickedUp.PickedUpLine;
import com.linli.ordering.internal.OrderRefunds;
import com.linli.ordering.internal.Orders;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the rest of the loop asks of orders: freeze them at cutoff, stream their lines for sorting,
 * ship them, receive them at the pickup point (shortages refunded line by line), hand them out by
 * pickup code.
 */
@Service
public class FulfilmentOrders {

	/** The reason code of units a leader reports missing or damaged on arrival at the pickup point. */
	public static final String ARRIVED_SHORT = "SHORTAGE";

	/** The reason code of units the supplier never delivered (short or rejected at receiving). */
	public static final String SUPPLIER_SHORTAGE = "SUPPLIER_SHORTAGE";

	private final Orders orders;

	private final OrderManagement management;

	private final OrderRefunds refunds;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ListingManagement listings;

	FulfilmentOrders(Orders orders, OrderManagement management, OrderRefunds refunds, JdbcClient jdbc,
			JdbcTemplate jdbcTemplate, ApplicationEventPublisher events, Clock clock, ListingManagement listings) {
		this.listings = listings;
		this.orders = orders;
		this.management = management;
		this.refunds = refunds;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What a cutoff of the region and pickup date would do now: when the date's listings close (the
	 * latest active one, or the latest cutoff of an open order), and how many orders it would cancel
	 * unpaid or confirm paid.
	 */
	@Transactional(readOnly = true)
	public CutoffOutlook cutoffOutlook(RegionId region, LocalDate pickupDate) {
		Instant now = clock.instant();
		Instant listingsCutoff = listings.listingsFor(region, pickupDate).stream()
			.filter(l -> l.status() == ListingStatus.ACTIVE)
			.map(Listing::cutoffAt)
			.max(Instant::compareTo).orElse(null);
		return jdbc.sql("""
				select count(*) filter (where status = 'PENDING_PAYMENT'),
				       count(distinct resident_id) filter (where status = 'PENDING_PAYMENT'),
				       count(*) filter (where status = 'PAID'), max(cutoff_at)
				  from ordering.orders
				 where region_id = ? and pickup_date = ? and status in ('PENDING_PAYMENT', 'PAID')""")
			.params(region.value(), pickupDate)
			.query((rs, n) -> {
				Timestamp ordersCutoff = rs.getTimestamp(4);
				Instant latest = listingsCutoff;
				if (ordersCutoff != null && (latest == null || ordersCutoff.toInstant().isAfter(latest))) {
					latest = ordersCutoff.toInstant();
				}
				return new CutoffOutlook(now, latest, rs.getInt(1), rs.getInt(2), rs.getInt(3));
			})
			.single();
	}

	/**
	 * Cutoff: paid orders of the region and pickup date become CONFIRMED; orders still unpaid are
	 * cancelled (a payment arriving later is refunded): {@code CUTOFF_UNPAID}, or {@code CUTOFF_EARLY}
	 * when the order's own cutoff had not come yet (its resident could still have paid). Idempotent: a
	 * second run confirms nothing new.
	 */
	@Transactional
	public int confirmForCutoff(RegionId region, LocalDate pickupDate) {
		Instant now = clock.instant();
		var unpaid = orders.load("where o.region_id = ? and o.pickup_date = ? and o.status = 'PENDING_PAYMENT'",
				List.of(region.value(), pickupDate));
		for (Order order : unpaid) {
			management.cancel(order, order.cutoffAt().isAfter(now) ? "CUTOFF_EARLY" : "CUTOFF_UNPAID", now);
		}
		// one pass, no timeline row per order: the cutoff's entry is derived from confirmed_at (Orders.timelineOf)
		int confirmed = jdbc.sql("""
				update ordering.orders set status = 'CONFIRMED', confirmed_at = ?
				 where region_id = ? and pickup_date = ? and status = 'PAID'""")
			.params(Timestamp.from(now), region.value(), pickupDate).update();
		return confirmed;
	}

	/**
	 * Streams every line still to deliver of the confirmed orders (and later stages) of a region and
	 * pickup date, ordered by pickup point, order and line, without loading them all in memory.
	 */
	@Transactional(readOnly = true)
	public void forEachConfirmedLine(RegionId region, LocalDate pickupDate, Consumer<CutoffLine> consumer) {
		forEachConfirmedLine(region, pickupDate, null, consumer);
	}

	/** As above, only pickup points with an id greater than {@code afterPickupPoint} (to resume a run). */
	@Transactional(readOnly = true)
	public void forEachConfirmedLine(RegionId region, LocalDate pickupDate, PickupPointId afterPickupPoint,
			Consumer<CutoffLine> consumer) {
		jdbcTemplate.query(con -> {
			var ps = con.prepareStatement("""
					select o.id, o.order_no, o.pickup_code, o.recipient_name, o.recipient_phone, o.pickup_point_id,
					       l.id, l.sku_id, l.sku_name, l.spec, l.unit, l.quantity - l.refunded_quantity
					  from ordering.orders o join ordering.order_line l on l.order_id = o.id
					 where o.region_id = ? and o.pickup_date = ? and o.pickup_point_id > ?
					   and o.status in ('CONFIRMED', 'SHIPPED', 'READY_FOR_PICKUP', 'PICKED_UP')
					   and l.quantity - l.refunded_quantity > 0
					 order by o.pickup_point_id, o.id, l.id""");
			ps.setLong(1, region.value());
			ps.setObject(2, pickupDate);
			ps.setLong(3, afterPickupPoint == null ? 0 : afterPickupPoint.value());
			ps.setFetchSize(10_000);
			return ps;
		}, rs -> {
			consumer.accept(new CutoffLine(new OrderId(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), new PickupPointId(rs.getLong(6)), new OrderLineId(rs.getLong(7)),
					new SkuId(rs.getLong(8)), rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12)));
		});
	}

	/**
	 * Regions and pickup dates with paid orders past their cutoff, where no unpaid or paid order of the
	 * same region and date is still before its cutoff: the sale session is over and the cutoff is due.
	 */
	@Transactional(readOnly = true)
	public List<CutoffDue> dueForCutoff(Instant now) {
		return jdbc.sql("""
				select region_id, pickup_date from ordering.orders
				 where status in ('PENDING_PAYMENT', 'PAID')
				   and cancelled_at is null and shipped_at is null and ready_at is null and picked_up_at is null
				 group by region_id, pickup_date
				having bool_or(status = 'PAID' and cutoff_at <= ?) and bool_and(cutoff_at <= ?)
				 order by pickup_date, region_id""")
			.params(Timestamp.from(now), Timestamp.from(now))
			.query((rs, n) -> new CutoffDue(new RegionId(rs.getLong(1)), rs.getObject(2, LocalDate.class)))
			.list();
	}

	/** Units of an order line still to deliver: ordered less refunded; empty for an unknown line. */
	@Transactional(readOnly = true)
	public java.util.Optional<Integer> unitsToDeliver(OrderLineId line) {
		return jdbc.sql("select quantity - refunded_quantity from ordering.order_line where id = ?").param(line.value())
			.query(Integer.class).optional();
	}

	/** The truck left the grid warehouse with these pickup points' goods. */
	@Transactional
	public int markShipped(RegionId region, LocalDate pickupDate, Collection<PickupPointId> pickupPoints) {
		Instant now = clock.instant();
		Long[] points = pickupPoints.stream().map(PickupPointId::value).toArray(Long[]::new);
		int shipped = jdbc.sql("""
				update ordering.orders set status = 'SHIPPED', shipped_at = ?
				 where region_id = ? and pickup_date = ? and pickup_point_id = any(?) and status = 'CONFIRMED'""")
			.params(Timestamp.from(now), region.value(), pickupDate, points).update();
		// the dispatch's timeline entry is derived from shipped_at (Orders.timelineOf)
		return shipped;
	}

	/** The orders of a pickup point for a pickup date (the leader's view), oldest first. */
	public List<Order> ordersAt(PickupPointId point, LocalDate pickupDate) {
		return orders.load("where o.pickup_point_id = ? and o.pickup_date = ? and o.status <> 'PENDING_PAYMENT' order by o.id",
				List.of(point.value(), pickupDate));
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
		var toReceive = orders.load(
				"where o.pickup_point_id = ? and o.pickup_date = ? and o.status in ('CONFIRMED', 'SHIPPED') order by o.id",
				List.of(point.value(), pickupDate));
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
					refunded = refunded.plus(refunds.refundLine(order, line, missing, "short",
							ARRIVED_SHORT, reason == null || reason.isBlank() ? Text.of("ordering.refund.missingOnArrival").stored() : reason,
							true, false));
				}
			}
			var after = orders.find(order.id()).orElseThrow();
			boolean nothingLeft = after.lines().stream().allMatch(l -> l.remainingQuantity() == 0);
			if (nothingLeft) {
				orders.transition(order.id(), OrderStatus.CANCELLED, "cancelled_at", now);
				jdbc.sql("update ordering.orders set cancel_reason = 'ALL_SHORT' where id = ?").param(order.id().value()).update();
				orders.timeline(order.id(), now, OrderStatus.CANCELLED, Orders.note("allShort"));
				cancelled++;
			}
			else if (orders.transition(order.id(), OrderStatus.READY_FOR_PICKUP, "ready_at", now)) {
				orders.timeline(order.id(), now, OrderStatus.READY_FOR_PICKUP, Orders.note("ready"));
				events.publishEvent(new OrderReadyForPickup(order.id(), order.orderNo(), order.residentId(),
						order.pickupPointId(), order.pickupDate(), order.pickupCode()));
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
	 * A code of another pickup point, a used code or a wrong code is a clear error.
	 */
	@Transactional
	public Order verifyPickup(PickupPointId point, String pickupCode, Collection<OrderLineId> onlyLines) {
		Order order = readyOrder(point, pickupCode);
		for (OrderLineId requested : onlyLines) {
			if (order.lines().stream().noneMatch(l -> l.id().equals(requested))) {
				throw new InvalidInputException("lines", "line " + requested + " is not part of this order");
			}
		}
		Instant now = clock.instant();
		List<PickedUpLine> picked = new ArrayList<>();
		for (OrderLine line : order.lines()) {
			if (line.remainingQuantity() == 0 || (!onlyLines.isEmpty() && !onlyLines.contains(line.id()))) {
				continue;
			}
			int n = jdbc.sql("""
					update ordering.order_line set picked_up_quantity = picked_up_quantity + ?
					 where id = ? and quantity - refunded_quantity - picked_up_quantity = ?""")
				.params(line.remainingQuantity(), line.id().value(), line.remainingQuantity()).update();
			if (n == 1) {
				picked.add(new PickedUpLine(line.id(), line.skuId(), line.categoryId(), line.remainingQuantity(),
						line.unitPrice().times(line.remainingQuantity()), line.skuName()));
			}
		}
		if (picked.isEmpty()) {
			throw new BusinessRuleException("nothing-to-hand-out", "lines", Text.of("ordering.problem.nothingLeftHandOut"));
		}
		var after = orders.find(order.id()).orElseThrow();
		boolean complete = after.lines().stream().allMatch(l -> l.remainingQuantity() == 0);
		if (complete) {
			orders.transition(order.id(), OrderStatus.PICKED_UP, "picked_up_at", now);
			orders.timeline(order.id(), now, OrderStatus.PICKED_UP, Orders.note("pickedUp"));
		}
		else {
			orders.timeline(order.id(), now, null, Orders.note("partlyPickedUp", picked.size()));
		}
		events.publishEvent(new OrderPickedUp(order.id(), order.orderNo(), order.residentId(), order.pickupPointId(),
				order.regionId(), now, complete, picked));
		return orders.find(order.id()).orElseThrow();
	}

	/** The order of this pickup point that is ready and holds the code, else the error that explains why not. */
	private Order readyOrder(PickupPointId point, String pickupCode) {
		String code = pickupCode == null ? "" : pickupCode.trim();
		if (!code.matches("\\d{6}")) {
			throw new InvalidInputException("pickupCode", Text.of("ordering.problem.pickupCodeHas6Digits"));
		}
		var candidates = orders.load("where o.pickup_code = ? and o.pickup_point_id = ? order by o.id desc limit 5",
				List.of(code, point.value()));
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
		boolean elsewhere = jdbc.sql("""
				select exists(select 1 from ordering.orders where pickup_code = ? and pickup_point_id <> ?
				   and status in ('READY_FOR_PICKUP', 'SHIPPED', 'CONFIRMED', 'PAID'))""")
			.params(code, point.value()).query(Boolean.class).single();
		throw new BusinessRuleException(elsewhere ? "pickup-code-other-point" : "pickup-code-wrong", "pickupCode",
				elsewhere ? Text.of("ordering.problem.codeBelongsAnotherPickupPoint")
						: Text.of("ordering.problem.wrongPickupCode"));
	}

	/** Orders ready for longer than {@code days} and not picked up, for the operator to follow up. */
	public List<Order> overduePickups(java.util.Optional<java.util.Set<Long>> regionScope, Duration olderThan, int limit) {
		Instant before = clock.instant().minus(olderThan);
		if (regionScope.isPresent()) {
			return orders.load("where o.status = 'READY_FOR_PICKUP' and o.ready_at < ? and o.picked_up_at is null and o.cancelled_at is null and o.region_id = any(?) order by o.ready_at limit ?",
					List.of(Timestamp.from(before), regionScope.get().toArray(Long[]::new), limit));
		}
		return orders.load("where o.status = 'READY_FOR_PICKUP' and o.ready_at < ? and o.picked_up_at is null and o.cancelled_at is null order by o.ready_at limit ?",
				List.of(Timestamp.from(before), limit));
	}

	/**
	 * Orders waiting at their pickup point: READY_FOR_PICKUP, not (or only partly) picked up, that
	 * became ready in {@code [readySince, readyBefore)}; by id, those after {@code after} (null for the
	 * first page), so a caller pages through all of them however many share the same receipt time.
	 */
	public List<Order> readyNotPickedUp(Instant readySince, Instant readyBefore, OrderId after, int limit) {
		return orders.load("""
				where o.status = 'READY_FOR_PICKUP' and o.ready_at >= ? and o.ready_at < ? and o.picked_up_at is null
				  and o.cancelled_at is null and o.id > ?
				order by o.id limit ?""", List.of(Timestamp.from(readySince), Timestamp.from(readyBefore),
				after == null ? 0L : after.value(), Math.min(Math.max(limit, 1), 1000)));
	}

	/**
	 * A SKU arrived short for a region's pickup date (the supplier delivered less, or units were rejected at
	 * receiving): refunds {@code units} units over the confirmed (not yet handed out) order lines of that SKU,
	 * chosen by {@code rule}, each through the line refund (residents and leaders are told by its event).
	 * Idempotent by {@code reference}: a second call with it refunds nothing more and answers what the first did.
	 */
	@Transactional
	public ShortageRefund refundShortage(RegionId region, LocalDate pickupDate, SkuId sku, int units, ShortageRule rule,
			String reference, String reason) {
		if (units < 1) {
			throw new InvalidInputException("units", "must be at least 1");
		}
		if (reference == null || reference.isBlank() || reference.length() > 30) {
			throw new InvalidInputException("reference", "a reference of 1 to 30 characters is required");
		}
		String suffix = "shortage:" + reference;
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(suffix).query((rs, n) -> 1).list();
		var candidates = orders.load("""
				where o.region_id = ? and o.pickup_date = ?
				  and exists (select 1 from ordering.order_line x where x.order_id = o.id and x.sku_id = ?)
				order by o.id""", List.of(region.value(), pickupDate, sku.value()));
		List<Object[]> lines = new ArrayList<>();
		List<String> references = new ArrayList<>();
		for (Order order : candidates) {
			for (OrderLine line : order.lines()) {
				if (line.skuId().equals(sku)) {
					lines.add(new Object[] { order, line });
					references.add("line:" + line.id().value() + ":" + suffix);
				}
			}
		}
		if (lines.isEmpty()) {
			return new ShortageRefund(0, Money.ZERO, List.of());
		}
		var earlier = jdbc.sql("""
				select order_id, line_id, quantity, amount_fen from ordering.order_refund
				 where reference = any(?) order by id""")
			.param(references.toArray(String[]::new))
			.query((rs, n) -> new ShortageRefund.Refunded(new OrderId(rs.getLong(1)), new OrderLineId(rs.getLong(2)),
					rs.getInt(3), Money.ofFen(rs.getLong(4))))
			.list();
		if (!earlier.isEmpty()) {
			return summary(earlier);
		}
		var open = lines.stream()
			.filter(l -> ((Order) l[0]).status() == OrderStatus.CONFIRMED || ((Order) l[0]).status() == OrderStatus.SHIPPED
					|| ((Order) l[0]).status() == OrderStatus.READY_FOR_PICKUP)
			.filter(l -> ((OrderLine) l[1]).remainingQuantity() > 0)
			.toList();
		Map<OrderLineId, Integer> cut = allocate(open, units, rule == null ? ShortageRule.NEWEST_FIRST : rule);
		String text = reason == null || reason.isBlank() ? Text.of("ordering.refund.shortFromSupplier").stored() : reason;
		List<ShortageRefund.Refunded> refunded = new ArrayList<>();
		for (Object[] l : open) {
			Order order = (Order) l[0];
			OrderLine line = (OrderLine) l[1];
			int n = cut.getOrDefault(line.id(), 0);
			if (n > 0) {
				Money amount = refunds.refundLine(order, line, n, suffix, SUPPLIER_SHORTAGE, text, true, false);
				refunded.add(new ShortageRefund.Refunded(order.id(), line.id(), n, amount));
				orders.timeline(order.id(), clock.instant(), null,
						Orders.note("supplierShort", line.skuName(), n));
			}
		}
		return summary(refunded);
	}

	private static ShortageRefund summary(List<ShortageRefund.Refunded> lines) {
		int units = lines.stream().mapToInt(ShortageRefund.Refunded::units).sum();
		Money amount = lines.stream().map(ShortageRefund.Refunded::amount).reduce(Money.ZERO, Money::plus);
		return new ShortageRefund(units, amount, List.copyOf(lines));
	}

	/** How many units each line loses; {@code open} is ordered oldest order first. */
	static Map<OrderLineId, Integer> allocate(List<Object[]> open, int units, ShortageRule rule) {
		List<OrderLine> newestFirst = new ArrayList<>();
		for (int i = open.size() - 1; i >= 0; i--) {
			newestFirst.add((OrderLine) open.get(i)[1]);
		}
		Map<OrderLineId, Integer> cut = new java.util.LinkedHashMap<>();
		int left = units;
		if (rule == ShortageRule.PROPORTIONAL) {
			long total = newestFirst.stream().mapToLong(OrderLine::remainingQuantity).sum();
			if (total <= units) {
				newestFirst.forEach(l -> cut.put(l.id(), l.remainingQuantity()));
				return cut;
			}
			for (OrderLine l : newestFirst) {
				int share = (int) ((long) units * l.remainingQuantity() / total);
				cut.put(l.id(), share);
				left -= share;
			}
			for (OrderLine l : newestFirst) {
				if (left == 0) {
					break;
				}
				if (cut.get(l.id()) < l.remainingQuantity()) {
					cut.merge(l.id(), 1, Integer::sum);
					left--;
				}
			}
			return cut;
		}
		List<OrderLine> sequence = new ArrayList<>(newestFirst);
		if (rule == ShortageRule.LARGEST_ORDER_FIRST) {
			sequence.sort(java.util.Comparator.comparingInt(OrderLine::remainingQuantity).reversed());
		}
		for (OrderLine l : sequence) {
			if (left == 0) {
				break;
			}
			int n = Math.min(left, l.remainingQuantity());
			cut.put(l.id(), n);
			left -= n;
		}
		return cut;
	}

	/**
	 * Refunds units of a line after cutoff (damaged on arrival found later, or after-sales once
	 * picked up); the order goes on with the rest. The caller's {@code reference} makes a retry harmless.
	 */
	@Transactional
	public Money refundLine(OrderId orderId, OrderLineId lineId, int quantity, String reference, String reasonCode,
			String reason, boolean afterPickup) {
		Order order = management.get(orderId);
		OrderLine line = order.lines().stream().filter(l -> l.id().equals(lineId)).findFirst()
			.orElseThrow(() -> new InvalidInputException("lineId", "line " + lineId + " is not part of order " + orderId));
		return refunds.refundLine(order, line, quantity, reference, reasonCode, reason, false, afterPickup);
	}
}
