package com.linli.ordering.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.CutoffDue;
import com.linli.ordering.CutoffLine;
import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read models of orders: a resident's list and counts, the console's search, timelines, the leader's day,
 * overdue and waiting pickups, and what the cutoff reads (its outlook, the regions due, the lines to sort).
 * Nothing here changes an order; {@link Orders} does.
 */
@Repository
public class OrderQueries {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Orders orders;

	OrderQueries(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Orders orders) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.orders = orders;
	}

	/** The resident's orders, newest first. */
	public List<Order> ofResident(AccountId resident, int limit) {
		return orders.load("where o.resident_id = ? order by o.id desc limit ?", List.of(resident.value(), limit));
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
				: orders.load("where o.id = any(?) order by o.id desc", List.of((Object) ids.toArray(Long[]::new)));
		return new com.linli.shared.Page<>(found, total, page, size);
	}


	/** The paid orders of a pickup point for a pickup date (the leader's view), oldest first. */
	public List<Order> atPickupPoint(PickupPointId point, LocalDate pickupDate) {
		return orders.load("where o.pickup_point_id = ? and o.pickup_date = ? and o.status <> ? order by o.id",
				List.of(point.value(), pickupDate, OrderStatus.PENDING_PAYMENT.name()));
	}

	/** READY_FOR_PICKUP orders that became ready in {@code [since, before)}, by id after {@code after}. */
	public List<Order> readyBetween(Instant since, Instant before, OrderId after, int limit) {
		return orders.load("""
				where o.status = 'READY_FOR_PICKUP' and o.ready_at >= ? and o.ready_at < ? and o.picked_up_at is null
				  and o.cancelled_at is null and o.id > ?
				order by o.id limit ?""", List.of(Timestamp.from(since), Timestamp.from(before),
				after == null ? 0L : after.value(), limit));
	}

	/** What the cutoff of a region and date would touch now: unpaid, their residents, paid, the latest cutoff. */
	public record OpenOrders(int unpaid, int unpaidResidents, int paid, Instant latestCutoff) {
	}

	public OpenOrders openOrders(RegionId region, LocalDate pickupDate) {
		return jdbc.sql("""
				select count(*) filter (where status = 'PENDING_PAYMENT'),
				       count(distinct resident_id) filter (where status = 'PENDING_PAYMENT'),
				       count(*) filter (where status = 'PAID'), max(cutoff_at)
				  from ordering.orders
				 where region_id = ? and pickup_date = ? and status in ('PENDING_PAYMENT', 'PAID')""")
			.params(region.value(), pickupDate)
			.query((rs, n) -> new OpenOrders(rs.getInt(1), rs.getInt(2), rs.getInt(3),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
			.single();
	}

	/**
	 * Regions and pickup dates with paid orders past their cutoff, where no unpaid or paid order of the
	 * same region and date is still before its cutoff.
	 */
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

	/** Streams the lines still to deliver of the confirmed (and later) orders, by pickup point, order, line. */
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

	/** Units of an order line still to deliver: ordered less refunded; empty for an unknown line. */
	public Optional<Integer> unitsToDeliver(OrderLineId line) {
		return jdbc.sql("select quantity - refunded_quantity from ordering.order_line where id = ?").param(line.value())
			.query(Integer.class).optional();
	}

	/** Whether a live order of another pickup point holds this code (to tell the leader why it is refused). */
	public boolean codeLiveElsewhere(String code, PickupPointId point) {
		return jdbc.sql("""
				select exists(select 1 from ordering.orders where pickup_code = ? and pickup_point_id <> ?
				   and status in ('READY_FOR_PICKUP', 'SHIPPED', 'CONFIRMED', 'PAID'))""")
			.params(code, point.value()).query(Boolean.class).single();
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
	public List<Orders.TimelineEntry> timelineOf(OrderId id) {
		return timelineOf(id, false);
	}

	/** As {@link #timelineOf(OrderId)}, with the staff's entries when {@code withStaffEntries}. */
	public List<Orders.TimelineEntry> timelineOf(OrderId id, boolean withStaffEntries) {
		List<Orders.TimelineEntry> entries = new ArrayList<>(jdbc.sql("""
				select at, status, note, staff_only from ordering.order_timeline
				 where order_id = ? and (? or not staff_only) order by id""")
			.params(id.value(), withStaffEntries)
			.query((rs, n) -> new Orders.TimelineEntry(rs.getTimestamp(1).toInstant(),
					rs.getString(2) == null ? null : OrderStatus.valueOf(rs.getString(2)), rs.getString(3),
					rs.getBoolean(4)))
			.list());
		jdbc.sql("select confirmed_at, shipped_at from ordering.orders where id = ?").param(id.value()).query(rs -> {
			derive(entries, Orders.instant(rs, "confirmed_at"), OrderStatus.CONFIRMED, CONFIRMED_NOTE);
			derive(entries, Orders.instant(rs, "shipped_at"), OrderStatus.SHIPPED, SHIPPED_NOTE);
		});
		return entries;
	}

	/** Adds the derived entry after the last entry not later than it, unless a row for that status exists. */
	private static void derive(List<Orders.TimelineEntry> entries, Instant at, OrderStatus status, String note) {
		if (at == null || entries.stream().anyMatch(e -> e.status() == status)) {
			return;
		}
		int index = entries.size();
		while (index > 0 && entries.get(index - 1).at().isAfter(at)) {
			index--;
		}
		entries.add(index, new Orders.TimelineEntry(at, status, note, false));
	}
}
