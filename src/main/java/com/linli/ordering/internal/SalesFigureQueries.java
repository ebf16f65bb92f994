package com.linli.ordering.internal;

import java.time.LocalDate;
import java.util.List;

import com.linli.network.RegionId;
import com.linli.ordering.OrderSalesFigures.Sold;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The units handed out and their paid amount, grouped, for {@code OrderSalesFigures}. A line's units handed out
 * are its picked-up units plus those refunded after the order was picked up (a refund after pickup takes them off
 * {@code picked_up_quantity}); its paid amount handed out is what it paid less what was refunded before pickup.
 * After-pickup refunds are the line's refunds requested at or after the order's {@code picked_up_at} (found
 * through the refunds' order index).
 */
@Component
public class SalesFigureQueries {

	/** The grouping key; the column names are constants, never input. */
	public enum By {

		SKU("l.sku_id"), PICKUP_POINT("o.pickup_point_id"), DAY("(o.pickup_date - date '1970-01-01')");

		final String column;

		By(String column) {
			this.column = column;
		}
	}

	private final JdbcClient jdbc;

	SalesFigureQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Sold> sold(By by, RegionId region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select %s as key, max(l.category_id) as category_id,
				       sum(l.picked_up_quantity + coalesce(a.units, 0)) as units,
				       sum(l.paid_fen - l.refunded_fen + coalesce(a.fen, 0)) as paid_fen,
				       count(distinct o.pickup_date) as days
				  from ordering.orders o
				  join ordering.order_line l on l.order_id = o.id
				  left join lateral (
				       select sum(r.quantity) as units, sum(r.amount_fen) as fen
				         from ordering.order_refund r
				        where r.order_id = o.id and r.line_id = l.id and r.requested_at >= o.picked_up_at) a
				    on o.picked_up_at is not null
				 where o.region_id = ? and o.pickup_date between ? and ?
				   and o.paid_at is not null and o.cancelled_at is null
				   and l.picked_up_quantity + coalesce(a.units, 0) > 0
				 group by 1
				 order by 1""".formatted(by.column))
			.params(region.value(), from, to)
			.query((rs, n) -> new Sold(rs.getLong("key"), rs.getLong("category_id"), rs.getLong("units"),
					rs.getLong("paid_fen"), rs.getInt("days")))
			.list();
	}
}
