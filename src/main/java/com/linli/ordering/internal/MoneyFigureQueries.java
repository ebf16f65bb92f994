package com.linli.ordering.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.linli.ordering.OrderMoneyFigures.Day;
import com.linli.ordering.OrderMoneyFigures.OrderMoney;
import com.linli.ordering.OrderMoneyFigures.SkuDay;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The grouped sums behind {@code OrderMoneyFigures}. */
@Component
public class MoneyFigureQueries {

	private static final String COUNTED = "o.paid_at is not null and o.cancelled_at is null and o.status <> 'CANCELLED'";

	private final JdbcClient jdbc;

	MoneyFigureQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Day> byDay(long region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select o.pickup_date, count(*) as orders, sum(o.paid_fen) as paid, sum(o.refunded_fen) as refunded
				  from ordering.orders o
				 where o.region_id = ? and o.pickup_date between ? and ? and %s
				 group by o.pickup_date order by o.pickup_date""".formatted(COUNTED))
			.params(region, from, to)
			.query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	public List<SkuDay> bySkuDay(long region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select o.pickup_date, l.sku_id, sum(l.quantity - l.short_quantity) as units, sum(l.paid_fen) as paid
				  from ordering.orders o join ordering.order_line l on l.order_id = o.id
				 where o.region_id = ? and o.pickup_date between ? and ? and %s
				 group by o.pickup_date, l.sku_id order by 1, 2""".formatted(COUNTED))
			.params(region, from, to)
			.query((rs, n) -> new SkuDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	public Optional<OrderMoney> order(long orderId) {
		var lines = jdbc.sql("""
				select l.sku_id, l.sku_name, l.quantity - l.short_quantity, l.paid_fen, l.refunded_fen
				  from ordering.order_line l where l.order_id = ? order by l.id""")
			.param(orderId)
			.query((rs, n) -> new OrderMoney.Line(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.list();
		return jdbc.sql("""
				select o.id, o.order_no, o.region_id, o.pickup_date, o.paid_fen, o.refunded_fen
				  from ordering.orders o where o.id = ? and %s""".formatted(COUNTED))
			.param(orderId)
			.query((rs, n) -> new OrderMoney(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
					rs.getLong(5), rs.getLong(6), lines))
			.optional();
	}
}
