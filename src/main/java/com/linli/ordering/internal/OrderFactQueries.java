package com.linli.ordering.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.linli.network.RegionId;
import com.linli.ordering.OrderFacts.CategoryDay;
import com.linli.ordering.OrderFacts.PaidLine;
import com.linli.ordering.OrderFacts.PaidOrder;
import com.linli.ordering.OrderFacts.PointDay;
import com.linli.ordering.OrderFacts.ResidentDay;
import com.linli.ordering.OrderFacts.SkuDay;
import com.linli.ordering.OrderId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The grouped queries behind {@code OrderFacts}. Every one starts from the region's orders paid in the range (the
 * partial index {@code orders_region_paid}), drops replacement orders, and groups once; the day is
 * {@code paid_at} at the platform's zone.
 */
@Component
public class OrderFactQueries {

	/** A region's orders paid by residents in [from, to), with the business date of payment. */
	private static final String PAID = """
			with o as (
			  select id, pickup_point_id, resident_id, paid_fen, (paid_at at time zone ?)::date as day
			    from ordering.orders
			   where region_id = ? and paid_at >= ? and paid_at < ? and paid_at is not null
			     and replaces_line_id is null)
			""";

	private final JdbcClient jdbc;

	private final ZoneId zone;

	OrderFactQueries(JdbcClient jdbc, @Value("${linli.zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.zone = ZoneId.of(zone);
	}

	private Object[] range(RegionId region, LocalDate from, LocalDate toInclusive) {
		return new Object[] { zone.getId(), region.value(), Timestamp.from(from.atStartOfDay(zone).toInstant()),
				Timestamp.from(toInclusive.plusDays(1).atStartOfDay(zone).toInstant()) };
	}

	public List<CategoryDay> categoryDays(RegionId region, LocalDate from, LocalDate toInclusive) {
		// grouped by order and category first, then by day, pickup point and category: two hash aggregates
		// instead of a sort for count(distinct)
		return jdbc.sql(PAID + """
				, oc as (
				  select o.day, o.pickup_point_id, l.category_id, count(*) as lines, sum(l.quantity) as units,
				         sum(l.amount_fen) as gmv, sum(l.paid_fen) as paid, sum(l.refunded_fen) as refund,
				         count(*) filter (where l.refunded_quantity > 0) as refund_lines
				    from o join ordering.order_line l on l.order_id = o.id
				   group by o.id, o.day, o.pickup_point_id, l.category_id)
				select day, pickup_point_id, category_id, count(*), sum(lines), sum(units), sum(gmv), sum(paid),
				       sum(gmv - paid), sum(refund), sum(refund_lines)
				  from oc
				 group by 1, 2, 3""")
			.params(range(region, from, toInclusive))
			.query((rs, n) -> new CategoryDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
					rs.getLong(10), rs.getLong(11)))
			.list();
	}

	public List<PointDay> pointDays(RegionId region, LocalDate from, LocalDate toInclusive) {
		return jdbc.sql(PAID + """
				, op as (
				  select o.day, o.pickup_point_id, o.resident_id, sum(l.amount_fen) as gmv, sum(l.paid_fen) as paid,
				         sum(l.refunded_fen) as refund
				    from o join ordering.order_line l on l.order_id = o.id
				   group by o.id, o.day, o.pickup_point_id, o.resident_id)
				select day, pickup_point_id, count(*), count(distinct resident_id), sum(gmv), sum(paid), sum(gmv - paid),
				       sum(refund)
				  from op
				 group by 1, 2""")
			.params(range(region, from, toInclusive))
			.query((rs, n) -> new PointDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
			.list();
	}

	public List<SkuDay> skuDays(RegionId region, LocalDate from, LocalDate toInclusive) {
		return jdbc.sql(PAID + """
				select o.day, l.sku_id, max(l.category_id), sum(l.quantity), sum(l.paid_fen), sum(l.refunded_fen)
				  from o join ordering.order_line l on l.order_id = o.id
				 group by 1, 2""")
			.params(range(region, from, toInclusive))
			.query((rs, n) -> new SkuDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6)))
			.list();
	}

	public List<ResidentDay> residentDays(RegionId region, LocalDate from, LocalDate toInclusive) {
		return jdbc.sql(PAID + """
				select o.day, o.resident_id, count(*), sum(o.paid_fen) from o group by 1, 2""")
			.params(range(region, from, toInclusive))
			.query((rs, n) -> new ResidentDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
					rs.getLong(4)))
			.list();
	}

	public Optional<PaidOrder> paidOrder(OrderId order) {
		var lines = jdbc.sql("""
				select l.id, l.sku_id, l.category_id, l.quantity, l.amount_fen, l.paid_fen, l.refunded_quantity,
				       l.refunded_fen, coalesce(r.units, 0), coalesce(r.fen, 0), r.first_reference
				  from ordering.order_line l
				  left join lateral (
				       select sum(x.quantity) as units, sum(x.amount_fen) as fen,
				              (array_agg(x.reference order by x.id))[1] as first_reference
				         from ordering.order_refund x
				        where x.order_id = l.order_id and x.line_id = l.id) r on true
				 where l.order_id = ?
				 order by l.id""")
			.param(order.value())
			.query((rs, n) -> new PaidLine(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getLong(5),
					rs.getLong(6), rs.getInt(7), rs.getLong(8), rs.getInt(9), rs.getLong(10), rs.getString(11)))
			.list();
		return jdbc.sql("""
				select id, region_id, (paid_at at time zone ?)::date, pickup_point_id, resident_id,
				       cancelled_at is not null
				  from ordering.orders
				 where id = ? and paid_at is not null and replaces_line_id is null""")
			.params(zone.getId(), order.value())
			.query((rs, n) -> new PaidOrder(new OrderId(rs.getLong(1)), new RegionId(rs.getLong(2)),
					rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getLong(5), rs.getBoolean(6), lines))
			.optional();
	}
}
