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
import com.linli.marketing.ListingId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderStatus;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders and their lines in plain SQL; every state change is a conditional update on the status. */
@Repository
public class Orders {

	static final String COLUMNS = """
			o.id, o.order_no, o.resident_id, o.recipient_name, o.recipient_phone, o.region_id, o.pickup_point_id,
			o.pickup_date, o.status, o.total_fen, o.paid_fen, o.refunded_fen, o.pickup_code, o.cancel_reason,
			o.created_at, o.expires_at, o.paid_at, o.cutoff_at, o.ready_at, o.picked_up_at, o.note""";

	private final JdbcClient jdbc;

	Orders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<OrderId> findByIdempotencyKey(AccountId resident, String key) {
		return jdbc.sql("select id from ordering.orders where resident_id = ? and idempotency_key = ?")
			.params(resident.value(), key).query(Long.class).optional().map(OrderId::new);
	}

	/** How many orders the resident has in each status. */
	public Map<OrderStatus, Long> countsByStatus(AccountId resident) {
		Map<OrderStatus, Long> counts = new java.util.EnumMap<>(OrderStatus.class);
		jdbc.sql("select status, count(*) from ordering.orders where resident_id = ? group by status")
			.param(resident.value())
			.query(rs -> {
				counts.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
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
	public List<Order> load(String where, List<?> params) {
		var headers = jdbc.sql("select " + COLUMNS + " from ordering.orders o " + where).params(params)
			.query(Orders::header).list();
		if (headers.isEmpty()) {
			return List.of();
		}
		Map<Long, List<OrderLine>> lines = new LinkedHashMap<>();
		Long[] ids = headers.stream().map(h -> h.id().value()).toArray(Long[]::new);
		jdbc.sql("""
				select id, order_id, listing_id, sku_id, category_id, sku_name, spec, unit, unit_price_fen, quantity,
				       amount_fen, refunded_quantity, refunded_fen, short_quantity, picked_up_quantity
				  from ordering.order_line where order_id = any(?) order by id""")
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

	/** Moves an order to {@code target} only from a status that may lead there; false when it did not. */
	/** One page of orders for the console, newest first. */
	public com.linli.shared.Page<Order> search(com.linli.ordering.OrderSearch f, int page, int size) {
		String where = """
				where (cast(:regions as bigint[]) is null or o.region_id = any(:regions))
				  and (cast(:region as bigint) is null or o.region_id = :region)
				  and (cast(:date as date) is null or o.pickup_date = :date)
				  and (cast(:status as text) is null or o.status = :status)
				  and (cast(:point as bigint) is null or o.pickup_point_id = :point)
				  and (cast(:text as text) is null or o.order_no = :text or o.recipient_phone like '%' || :text
				       or o.recipient_name like '%' || :text || '%')""";
		String text = f.text() == null || f.text().isBlank() ? null : f.text().trim();
		java.util.function.Function<JdbcClient.StatementSpec, JdbcClient.StatementSpec> params = spec -> spec
			.param("regions", f.regions() == null ? null : f.regions().toArray(Long[]::new))
			.param("region", f.regionId()).param("date", f.pickupDate())
			.param("status", f.status() == null ? null : f.status().name()).param("point", f.pickupPointId())
			.param("text", text);
		long total = params.apply(jdbc.sql("select count(*) from ordering.orders o " + where)).query(Long.class).single();
		List<Long> ids = params.apply(jdbc.sql("select o.id from ordering.orders o " + where
				+ " order by o.id desc limit :limit offset :offset")).param("limit", size).param("offset", page * size)
			.query(Long.class).list();
		var found = ids.isEmpty() ? List.<Order>of()
				: load("where o.id = any(?) order by o.id desc", List.of((Object) ids.toArray(Long[]::new)));
		return new com.linli.shared.Page<>(found, total, page, size);
	}

	public boolean transition(OrderId id, OrderStatus target, String timestampColumn, Instant at) {
		return jdbc.sql("update ordering.orders set status = ?, " + timestampColumn + " = ? where id = ? and status = any(?)")
			.params(target.name(), ts(at), id.value(), OrderStatus.from(target))
			.update() == 1;
	}

	public boolean markPaid(OrderId id, long paidFen, String pickupCode, Instant at) {
		return jdbc.sql("""
				update ordering.orders set status = 'PAID', paid_fen = ?, pickup_code = ?, paid_at = ?
				 where id = ? and status = 'PENDING_PAYMENT' and total_fen = ?""")
			.params(paidFen, pickupCode, ts(at), id.value(), paidFen)
			.update() == 1;
	}

	/** Records money that arrived for an order already cancelled, so it can be refunded. */
	public boolean recordLatePayment(OrderId id, long paidFen) {
		return jdbc.sql("update ordering.orders set paid_fen = ? where id = ? and status = 'CANCELLED' and paid_fen = 0 and total_fen = ?")
			.params(paidFen, id.value(), paidFen).update() == 1;
	}

	public boolean cancel(OrderId id, Collection<OrderStatus> from, String reason, Instant at, Instant cutoffAfter) {
		return jdbc.sql("""
				update ordering.orders set status = 'CANCELLED', cancel_reason = ?, cancelled_at = ?
				 where id = ? and status = any(?) and (cast(? as timestamptz) is null or cutoff_at > ?)""")
			.params(reason, ts(at), id.value(), from.stream().map(Enum::name).toArray(String[]::new), ts(cutoffAfter),
					ts(cutoffAfter))
			.update() == 1;
	}

	public boolean pickupCodeInUse(PickupPointId point, String code) {
		return jdbc.sql("""
				select exists(select 1 from ordering.orders where pickup_point_id = ? and pickup_code = ?
				   and status in ('PAID', 'CONFIRMED', 'SHIPPED', 'READY_FOR_PICKUP'))""")
			.params(point.value(), code).query(Boolean.class).single();
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

	/** The note of the cutoff's entry, derived from {@code confirmed_at} (the cutoff writes no timeline rows). */
	public static final String CONFIRMED_NOTE = "ordering.timeline.confirmed";

	/** The note of the dispatch's entry, derived from {@code shipped_at}. */
	public static final String SHIPPED_NOTE = "ordering.timeline.shipped";

	/**
	 * What happened to an order, in order: its timeline rows, and the cutoff and dispatch entries derived
	 * from the order's {@code confirmed_at} and {@code shipped_at} (set-based steps over whole regions
	 * write no row per order; rows written for them before are not doubled).
	 */
	public List<TimelineEntry> timelineOf(OrderId id) {
		return timelineOf(id, false);
	}

	/** As {@link #timelineOf(OrderId)}, with the staff's entries when {@code withStaffEntries}. */
	public List<TimelineEntry> timelineOf(OrderId id, boolean withStaffEntries) {
		List<TimelineEntry> entries = new ArrayList<>(jdbc.sql("""
				select at, status, note, staff_only from ordering.order_timeline
				 where order_id = ? and (? or not staff_only) order by id""")
			.params(id.value(), withStaffEntries)
			.query((rs, n) -> new TimelineEntry(rs.getTimestamp(1).toInstant(),
					rs.getString(2) == null ? null : OrderStatus.valueOf(rs.getString(2)), rs.getString(3),
					rs.getBoolean(4)))
			.list());
		jdbc.sql("select confirmed_at, shipped_at from ordering.orders where id = ?").param(id.value()).query(rs -> {
			derive(entries, instant(rs, "confirmed_at"), OrderStatus.CONFIRMED, CONFIRMED_NOTE);
			derive(entries, instant(rs, "shipped_at"), OrderStatus.SHIPPED, SHIPPED_NOTE);
		});
		return entries;
	}

	/** Adds the derived entry after the last entry not later than it, unless a row for that status exists. */
	private static void derive(List<TimelineEntry> entries, Instant at, OrderStatus status, String note) {
		if (at == null || entries.stream().anyMatch(e -> e.status() == status)) {
			return;
		}
		int index = entries.size();
		while (index > 0 && entries.get(index - 1).at().isAfter(at)) {
			index--;
		}
		entries.add(index, new TimelineEntry(at, status, note, false));
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

	public List<OrderId> expiredUnpaid(Instant now, int limit) {
		return jdbc.sql("select id from ordering.orders where status = 'PENDING_PAYMENT' and paid_at is null and cancelled_at is null and expires_at <= ? order by expires_at limit ?")
			.params(ts(now), limit).query(Long.class).list().stream().map(OrderId::new).toList();
	}

	static Order header(ResultSet rs, int row) throws SQLException {
		return new Order(new OrderId(rs.getLong("id")), rs.getString("order_no"), new AccountId(rs.getLong("resident_id")),
				rs.getString("recipient_name"), rs.getString("recipient_phone"), new RegionId(rs.getLong("region_id")),
				new PickupPointId(rs.getLong("pickup_point_id")), rs.getObject("pickup_date", LocalDate.class),
				OrderStatus.valueOf(rs.getString("status")), Money.ofFen(rs.getLong("total_fen")),
				Money.ofFen(rs.getLong("paid_fen")), Money.ofFen(rs.getLong("refunded_fen")), rs.getString("pickup_code"),
				rs.getString("cancel_reason"), instant(rs, "created_at"), instant(rs, "expires_at"),
				instant(rs, "paid_at"), instant(rs, "cutoff_at"), instant(rs, "ready_at"), instant(rs, "picked_up_at"),
				rs.getString("note"), List.of());
	}

	static OrderLine line(ResultSet rs) throws SQLException {
		return new OrderLine(new OrderLineId(rs.getLong("id")), new ListingId(rs.getLong("listing_id")),
				new SkuId(rs.getLong("sku_id")), rs.getString("sku_name"), rs.getString("spec"), rs.getString("unit"),
				new CategoryId(rs.getLong("category_id")), Money.ofFen(rs.getLong("unit_price_fen")),
				rs.getInt("quantity"), Money.ofFen(rs.getLong("amount_fen")), rs.getInt("refunded_quantity"),
				Money.ofFen(rs.getLong("refunded_fen")), rs.getInt("short_quantity"), rs.getInt("picked_up_quantity"));
	}

	private static Order withLines(Order h, List<OrderLine> lines) {
		return new Order(h.id(), h.orderNo(), h.residentId(), h.recipientName(), h.recipientPhone(), h.regionId(),
				h.pickupPointId(), h.pickupDate(), h.status(), h.total(), h.paid(), h.refunded(), h.pickupCode(),
				h.cancelReason(), h.createdAt(), h.expiresAt(), h.paidAt(), h.cutoffAt(), h.readyAt(), h.pickedUpAt(),
				h.note(), List.copyOf(lines));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
