package com.linli.ordering.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderStatus;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@link Order} aggregate in plain SQL: placed (one statement), read whole, saved with a compare-and-set
 * on its version ({@link #save}), and the few set-based moves the cutoff and the dispatch make over a whole
 * region at once (named methods, from the statuses {@link OrderStatus} allows). Read models are in
 * {@link OrderQueries}.
 */
@Repository
public class Orders {

	static final String COLUMNS = """
			o.id, o.order_no, o.resident_id, o.recipient_name, o.recipient_phone, o.region_id, o.pickup_point_id,
			o.pickup_date, o.status, o.total_fen, o.paid_fen, o.refunded_fen, o.pickup_code, o.cancel_reason,
			o.created_at, o.expires_at, o.paid_at, o.cutoff_at, o.ready_at, o.picked_up_at, o.note, o.version,
			o.confirmed_at, o.shipped_at, o.cancelled_at""";

	/** The column of each kind of deduction on {@code ordering.order_line}: the kind's name in lower case + "_fen". */
	public static String shareColumn(DiscountKind kind) {
		return kind.name().toLowerCase(java.util.Locale.ROOT) + "_fen";
	}

	static final String SHARE_COLUMNS = java.util.Arrays.stream(DiscountKind.values()).map(Orders::shareColumn)
		.collect(java.util.stream.Collectors.joining(", "));

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Orders(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	public Optional<OrderId> findByIdempotencyKey(AccountId resident, String key) {
		return jdbc.sql("select id from ordering.orders where resident_id = ? and idempotency_key = ?")
			.params(resident.value(), key).query(Long.class).optional().map(OrderId::new);
	}

	public Optional<Order> find(OrderId id) {
		var orders = load("where o.id = ?", List.of(id.value()));
		return orders.stream().findFirst();
	}

	public List<Order> findAll(Collection<OrderId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		// one parameter, the array: List.of(array) alone would spread it into one parameter per id
		Object array = ids.stream().map(OrderId::value).toArray(Long[]::new);
		return load("where o.id = any(?) order by o.id", List.of(array));
	}

	/** Orders matching a where clause (on alias o), with their lines, in one round trip each. */
	List<Order> load(String where, List<?> params) {
		var headers = jdbc.sql("select " + COLUMNS + " from ordering.orders o " + where).params(params)
			.query(Orders::header).list();
		if (headers.isEmpty()) {
			return List.of();
		}
		Map<Long, List<OrderLine>> lines = new LinkedHashMap<>();
		Long[] ids = headers.stream().map(h -> h.id().value()).toArray(Long[]::new);
		jdbc.sql("""
				select id, order_id, listing_id, sku_id, category_id, sku_name, spec, unit, unit_price_fen, quantity,
				       amount_fen, refunded_quantity, refunded_fen, short_quantity, picked_up_quantity, %s
				  from ordering.order_line where order_id = any(?) order by id""".formatted(SHARE_COLUMNS))
			.param(ids)
			.query(rs -> {
				lines.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>()).add(line(rs));
			});
		List<Order> result = new ArrayList<>(headers.size());
		for (Order h : headers) {
			result.add(withLines(h, lines.getOrDefault(h.id().value(), List.of())));
		}
		return result;
	}

	/**
	 * Stores what the order's methods changed: its header, with a compare-and-set on the version it was read
	 * with, and the lines it changed; then publishes the events it registered. A save that finds another
	 * version lost a race with a concurrent change: a 409, and the caller's transaction rolls back.
	 */
	public void save(Order order) {
		int updated = jdbc.sql("""
				update ordering.orders
				   set status = :status, paid_fen = :paid, refunded_fen = :refunded, pickup_code = :code,
				       cancel_reason = :reason, paid_at = :paidAt, confirmed_at = :confirmedAt, shipped_at = :shippedAt,
				       ready_at = :readyAt, picked_up_at = :pickedUpAt, cancelled_at = :cancelledAt, version = version + 1
				 where id = :id and version = :version""")
			.param("status", order.status().name()).param("paid", order.paid().fen())
			.param("refunded", order.refunded().fen()).param("code", order.pickupCode())
			.param("reason", order.cancelReason()).param("paidAt", ts(order.paidAt()))
			.param("confirmedAt", ts(order.confirmedAt())).param("shippedAt", ts(order.shippedAt()))
			.param("readyAt", ts(order.readyAt())).param("pickedUpAt", ts(order.pickedUpAt()))
			.param("cancelledAt", ts(order.cancelledAt())).param("id", order.id().value())
			.param("version", order.version())
			.update();
		if (updated != 1) {
			throw new BusinessRuleException("changed-concurrently",
					Text.of("ordering.problem.orderChangedConcurrently", order.orderNo()));
		}
		for (OrderLine line : order.lines()) {
			if (order.changedLines().contains(line.id())) {
				jdbc.sql("""
						update ordering.order_line set refunded_quantity = ?, refunded_fen = ?, short_quantity = ?,
						       picked_up_quantity = ? where id = ? and order_id = ?""")
					.params(line.refundedQuantity(), line.refunded().fen(), line.shortQuantity(), line.pickedUpQuantity(),
							line.id().value(), order.id().value())
					.update();
			}
		}
		order.events().forEach(events::publishEvent);
	}

	/**
	 * A status as an SQL literal (from the enum, never from input): a set-based move written with the
	 * literal can use the partial indexes on status, which a bound parameter cannot in a generic plan.
	 */
	static String literal(OrderStatus status) {
		return "'" + status.name() + "'";
	}

	// ---- set-based moves over a whole region and day (the cutoff confirms 300,000 orders in one update) ----

	/** The unpaid orders of a region and pickup date (the cutoff cancels them one by one). */
	public List<Order> unpaidOf(RegionId region, LocalDate pickupDate) {
		return load("where o.region_id = ? and o.pickup_date = ? and o.status = ?",
				List.of(region.value(), pickupDate, OrderStatus.PENDING_PAYMENT.name()));
	}

	/**
	 * Cutoff: every PAID order of the region and pickup date becomes CONFIRMED in one statement (no
	 * timeline row per order: the cutoff's entry is derived from {@code confirmed_at}). Answers how many.
	 */
	public int confirmPaid(RegionId region, LocalDate pickupDate, Instant at) {
		return jdbc.sql("""
				update ordering.orders set status = %s, confirmed_at = ?, version = version + 1
				 where region_id = ? and pickup_date = ? and status = %s""".formatted(literal(OrderStatus.CONFIRMED),
					literal(OrderStatus.PAID)))
			.params(ts(at), region.value(), pickupDate)
			.update();
	}

	/** Dispatch: the CONFIRMED orders of these pickup points become SHIPPED (entry derived from {@code shipped_at}). */
	public int shipConfirmed(RegionId region, LocalDate pickupDate, Collection<PickupPointId> pickupPoints,
			Instant at) {
		Long[] points = pickupPoints.stream().map(PickupPointId::value).toArray(Long[]::new);
		return jdbc.sql("""
				update ordering.orders set status = %s, shipped_at = ?, version = version + 1
				 where region_id = ? and pickup_date = ? and pickup_point_id = any(?) and status = %s"""
			.formatted(literal(OrderStatus.SHIPPED), literal(OrderStatus.CONFIRMED)))
			.params(ts(at), region.value(), pickupDate, points)
			.update();
	}

	/** The orders of a pickup point and date still to receive (CONFIRMED or SHIPPED), oldest first. */
	public List<Order> toReceive(PickupPointId point, LocalDate pickupDate) {
		return load("where o.pickup_point_id = ? and o.pickup_date = ? and o.status = any(?) order by o.id",
				List.of(point.value(), pickupDate, OrderStatus.from(OrderStatus.READY_FOR_PICKUP)));
	}

	/** The orders of a pickup point holding this pickup code, newest first (a code is reused over time). */
	public List<Order> withPickupCode(PickupPointId point, String code) {
		return load("where o.pickup_code = ? and o.pickup_point_id = ? order by o.id desc limit 5",
				List.of(code, point.value()));
	}

	/** The orders of a region and pickup date with a line of this SKU, oldest first. */
	public List<Order> withSku(RegionId region, LocalDate pickupDate, SkuId sku) {
		return load("""
				where o.region_id = ? and o.pickup_date = ?
				  and exists (select 1 from ordering.order_line x where x.order_id = o.id and x.sku_id = ?)
				order by o.id""", List.of(region.value(), pickupDate, sku.value()));
	}

	/** Unpaid orders past their payment window, soonest expired first. */
	public List<OrderId> expiredUnpaid(Instant now, int limit) {
		return jdbc.sql("select id from ordering.orders where status = " + literal(OrderStatus.PENDING_PAYMENT)
				+ " and paid_at is null and cancelled_at is null and expires_at <= ? order by expires_at limit ?")
			.params(ts(now), limit).query(Long.class).list().stream()
			.map(OrderId::new).toList();
	}

	public boolean pickupCodeInUse(PickupPointId point, String code) {
		return jdbc.sql("""
				select exists(select 1 from ordering.orders where pickup_point_id = ? and pickup_code = ?
				   and status in ('PAID', 'CONFIRMED', 'SHIPPED', 'READY_FOR_PICKUP'))""")
			.params(point.value(), code).query(Boolean.class).single();
	}

	/** Who handed the order out last (a leader or their helper, 核销员). */
	public void pickedUpBy(OrderId id, com.linli.identity.AccountId account) {
		jdbc.sql("update ordering.orders set picked_up_by = ? where id = ?").params(account.value(), id.value()).update();
	}

	public void timeline(OrderId id, Instant at, OrderStatus status, String note) {
		jdbc.sql("insert into ordering.order_timeline (order_id, at, status, note) values (?, ?, ?, ?)")
			.params(id.value(), ts(at), status == null ? null : status.name(), note).update();
	}

	/** An entry of the timeline that only staff see (an operator's internal note). */
	public void staffTimeline(OrderId id, Instant at, String note) {
		jdbc.sql("insert into ordering.order_timeline (order_id, at, note, staff_only) values (?, ?, ?, true)")
			.params(id.value(), ts(at), note).update();
	}

	/**
	 * A message code of the ordering bundle and its arguments, kept as the timeline's note: the reader's
	 * language chooses the words (code and arguments joined by '|').
	 */
	public static String note(String code, Object... args) {
		var note = new StringBuilder("ordering.timeline.").append(code);
		for (Object arg : args) {
			note.append('|').append(String.valueOf(arg).replace('|', '/'));
		}
		return note.toString();
	}

	/**
	 * One step of an order's history. Its note is a message code with arguments ({@link #note}); notes
	 * written before they were codes are bilingual text ("中文 / English") and shown as they are.
	 * {@code staffOnly}: an entry for staff (an operator's internal note), never shown to the resident.
	 */
	public record TimelineEntry(Instant at, OrderStatus status, String note, boolean staffOnly) {

		/** The message code of the note, or null for an old bilingual text. */
		public String messageKey() {
			return note != null && note.startsWith("ordering.timeline.") ? note.split("\\|", -1)[0] : null;
		}

		/** The arguments of the message (empty for none). */
		public Object[] args() {
			if (messageKey() == null) {
				return new Object[0];
			}
			String[] parts = note.split("\\|", -1);
			return java.util.Arrays.copyOfRange(parts, 1, parts.length, Object[].class);
		}
	}

	static Order header(ResultSet rs, int row) throws SQLException {
		return new Order(new OrderId(rs.getLong("id")), rs.getString("order_no"), new AccountId(rs.getLong("resident_id")),
				rs.getString("recipient_name"), rs.getString("recipient_phone"), new RegionId(rs.getLong("region_id")),
				new PickupPointId(rs.getLong("pickup_point_id")), rs.getObject("pickup_date", LocalDate.class),
				OrderStatus.valueOf(rs.getString("status")), Money.ofFen(rs.getLong("total_fen")),
				Money.ofFen(rs.getLong("paid_fen")), Money.ofFen(rs.getLong("refunded_fen")), rs.getString("pickup_code"),
				rs.getString("cancel_reason"), instant(rs, "created_at"), instant(rs, "expires_at"),
				instant(rs, "paid_at"), instant(rs, "cutoff_at"), instant(rs, "ready_at"), instant(rs, "picked_up_at"),
				rs.getString("note"), List.of(), rs.getLong("version"), instant(rs, "confirmed_at"),
				instant(rs, "shipped_at"), instant(rs, "cancelled_at"));
	}

	static OrderLine line(ResultSet rs) throws SQLException {
		return new OrderLine(new OrderLineId(rs.getLong("id")), new ListingId(rs.getLong("listing_id")),
				new SkuId(rs.getLong("sku_id")), rs.getString("sku_name"), rs.getString("spec"), rs.getString("unit"),
				new CategoryId(rs.getLong("category_id")), Money.ofFen(rs.getLong("unit_price_fen")),
				rs.getInt("quantity"), Money.ofFen(rs.getLong("amount_fen")), rs.getInt("refunded_quantity"),
				Money.ofFen(rs.getLong("refunded_fen")), rs.getInt("short_quantity"), rs.getInt("picked_up_quantity"),
				shares(rs));
	}

	/** The line's share of each deduction, from its columns (only the kinds with a share). */
	static Map<DiscountKind, Money> shares(ResultSet rs) throws SQLException {
		Map<DiscountKind, Money> shares = new java.util.EnumMap<>(DiscountKind.class);
		for (DiscountKind kind : DiscountKind.values()) {
			long fen = rs.getLong(shareColumn(kind));
			if (fen != 0) {
				shares.put(kind, Money.ofFen(fen));
			}
		}
		return shares;
	}

	private static Order withLines(Order h, List<OrderLine> lines) {
		return new Order(h.id(), h.orderNo(), h.residentId(), h.recipientName(), h.recipientPhone(), h.regionId(),
				h.pickupPointId(), h.pickupDate(), h.status(), h.total(), h.paid(), h.refunded(), h.pickupCode(),
				h.cancelReason(), h.createdAt(), h.expiresAt(), h.paidAt(), h.cutoffAt(), h.readyAt(), h.pickedUpAt(),
				h.note(), List.copyOf(lines), h.version(), h.confirmedAt(), h.shippedAt(), h.cancelledAt());
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
