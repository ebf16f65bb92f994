package com.linli.ordering.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.linli.network.PickupPointId;
import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read models of orders by pickup point: the leader's list for a pickup date (filtered by status,
 * searched by phone tail, pickup code, order number or name) and the operator's overdue pickups.
 */
@Repository
public class PickupPointOrders {

	/** Which of a day's orders the leader looks at. */
	public enum Filter {

		/** Received at the pickup point and not (fully) handed out yet. */
		TO_PICK_UP("o.status = 'READY_FOR_PICKUP'"),
		/** Handed out completely. */
		PICKED_UP("o.status = 'PICKED_UP'"),
		/** Every paid order of the day, cancelled ones included. */
		ALL("o.status <> 'PENDING_PAYMENT'");

		private final String condition;

		Filter(String condition) {
			this.condition = condition;
		}
	}

	/** How many of the day's orders are in each state the leader cares about. */
	public record Counts(long toPickUp, long pickedUp, long notReceived, long all) {
	}

	/** Orders, units and the net amount paid (after refunds) of a filtered list. */
	public record Totals(long orders, long units, Money amount) {
	}

	private final JdbcClient jdbc;

	private final Orders orders;

	PickupPointOrders(JdbcClient jdbc, Orders orders) {
		this.jdbc = jdbc;
		this.orders = orders;
	}

	/** One page of the pickup point's orders for the date, oldest first. */
	public Page<Order> search(PickupPointId point, LocalDate pickupDate, Filter filter, String query, int page, int size) {
		var where = where(point, pickupDate, filter, query);
		long total = jdbc.sql("select count(*) from ordering.orders o " + where.sql()).params(where.params())
			.query(Long.class).single();
		var params = new HashMap<>(where.params());
		params.put("limit", size);
		params.put("offset", Math.multiplyExact(page, size));
		var ids = jdbc.sql("select o.id from ordering.orders o " + where.sql() + " order by o.id limit :limit offset :offset")
			.params(params).query(Long.class).list().stream().map(OrderId::new).toList();
		return new Page<>(orders.findAll(ids), total, page, size);
	}

	/** Totals over the whole filtered list (every page). */
	public Totals totals(PickupPointId point, LocalDate pickupDate, Filter filter, String query) {
		var where = where(point, pickupDate, filter, query);
		return jdbc.sql("""
				select count(*), coalesce(sum(u.units), 0), coalesce(sum(o.paid_fen - o.refunded_fen), 0)
				  from ordering.orders o
				  left join lateral (select sum(l.quantity - l.refunded_quantity) units
				                       from ordering.order_line l where l.order_id = o.id) u on true
				""" + where.sql())
			.params(where.params())
			.query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), Money.ofFen(rs.getLong(3)))).single();
	}

	/** How many of the day's orders wait, were picked up, are still on their way, in all. */
	public Counts counts(PickupPointId point, LocalDate pickupDate) {
		return jdbc.sql("""
				select count(*) filter (where status = 'READY_FOR_PICKUP'),
				       count(*) filter (where status = 'PICKED_UP'),
				       count(*) filter (where status in ('PAID', 'CONFIRMED', 'SHIPPED')),
				       count(*)
				  from ordering.orders where pickup_point_id = ? and pickup_date = ? and status <> 'PENDING_PAYMENT'""")
			.params(point.value(), pickupDate)
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
	}

	/** Orders waiting at the pickup point now (received, not all handed out), whatever their pickup date. */
	public long waiting(PickupPointId point) {
		return jdbc.sql("select count(*) from ordering.orders where pickup_point_id = ? and status = 'READY_FOR_PICKUP'")
			.param(point.value()).query(Long.class).single();
	}

	/** Orders of the pickup point completely handed out in {@code [from, to)}. */
	public long pickedUpBetween(PickupPointId point, Instant from, Instant to) {
		return jdbc.sql("""
				select count(*) from ordering.orders
				 where pickup_point_id = ? and status = 'PICKED_UP' and picked_up_at >= ? and picked_up_at < ?""")
			.params(point.value(), Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
	}

	/**
	 * Orders received before {@code readyBefore} and still not picked up, longest waiting first, in the
	 * given regions ({@code scope} empty = all) and optionally one of them.
	 */
	public Page<Order> overdue(Optional<Set<Long>> scope, Long regionId, Instant readyBefore, int page, int size) {
		var params = overdueParams(scope, regionId, readyBefore);
		long total = jdbc.sql("select count(*) from ordering.orders o " + OVERDUE).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", Math.multiplyExact(page, size));
		var ids = jdbc.sql("select o.id from ordering.orders o " + OVERDUE + " order by o.ready_at, o.id limit :limit offset :offset")
			.params(params).query(Long.class).list().stream().map(OrderId::new).toList();
		var found = orders.findAll(ids);
		// findAll sorts by id: keep the longest waiting first
		var byId = new HashMap<OrderId, Order>();
		found.forEach(o -> byId.put(o.id(), o));
		return new Page<>(ids.stream().map(byId::get).toList(), total, page, size);
	}

	/** How many orders wait longer than they should, in the given regions. */
	public long countOverdue(Optional<Set<Long>> scope, Instant readyBefore) {
		return jdbc.sql("select count(*) from ordering.orders o " + OVERDUE)
			.params(overdueParams(scope, null, readyBefore)).query(Long.class).single();
	}

	private static final String OVERDUE = """
			 where o.status = 'READY_FOR_PICKUP' and o.ready_at < :before and o.picked_up_at is null and o.cancelled_at is null
			   and (cast(:regions as bigint[]) is null or o.region_id = any(:regions))
			   and (cast(:region as bigint) is null or o.region_id = :region)""";

	private static Map<String, Object> overdueParams(Optional<Set<Long>> scope, Long regionId, Instant readyBefore) {
		var params = new HashMap<String, Object>();
		params.put("before", Timestamp.from(readyBefore));
		params.put("regions", scope.map(ids -> ids.toArray(Long[]::new)).orElse(null));
		params.put("region", regionId);
		return params;
	}

	private static Where where(PickupPointId point, LocalDate pickupDate, Filter filter, String query) {
		var params = new HashMap<String, Object>();
		params.put("point", point.value());
		params.put("date", pickupDate);
		String sql = " where o.pickup_point_id = :point and o.pickup_date = :date and " + filter.condition;
		String q = query == null ? "" : query.strip();
		if (q.length() > 30) {
			throw new InvalidInputException("q", Text.of("ordering.problem.atMost30Characters"));
		}
		if (q.matches("\\d{3,}")) {
			// digits: the tail of the resident's phone, a pickup code or an order number
			sql += " and (o.recipient_phone like :tail or o.pickup_code = :q or o.order_no = :q)";
			params.put("tail", "%" + q);
			params.put("q", q);
		}
		else if (q.matches("\\d{1,2}")) {
			throw new InvalidInputException("q", Text.of("ordering.problem.typeAtLeast3DigitsPhone"));
		}
		else if (!q.isEmpty()) {
			sql += " and o.recipient_name ilike :name";
			params.put("name", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return new Where(sql, params);
	}

	private record Where(String sql, Map<String, Object> params) {
	}
}
