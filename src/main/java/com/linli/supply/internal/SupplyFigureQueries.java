package com.linli.supply.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.supply.SupplyFigures.Day;
import com.linli.supply.SupplyFigures.Received;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The grouped sums behind {@code SupplyFigures}. */
@Component
public class SupplyFigureQueries {

	private static final String RECEIVED = """
			select p.id, s.name, p.pickup_date, (p.delivered_at <= p.expected_at) as on_time,
			       coalesce(sum(l.ordered_qty), 0) as ordered, coalesce(sum(l.accepted_qty), 0) as accepted,
			       coalesce(sum(l.rejected_qty), 0) as rejected
			  from supply.purchase_order p
			  join supply.supplier s on s.id = p.supplier_id
			  left join supply.purchase_order_line l on l.po_id = p.id
			 where p.region_id = ? and p.pickup_date between ? and ? and p.status in ('DELIVERED', 'SETTLED')
			 group by p.id, s.name""";

	private final JdbcClient jdbc;

	SupplyFigureQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Day> byDay(long region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select pickup_date, count(*), count(*) filter (where on_time), sum(ordered), sum(accepted), sum(rejected)
				  from (%s) r group by pickup_date order by pickup_date""".formatted(RECEIVED))
			.params(region, from, to)
			.query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6)))
			.list();
	}

	public List<Received> received(long region, LocalDate from, LocalDate to) {
		return jdbc.sql(RECEIVED + " order by p.pickup_date, p.id")
			.params(region, from, to)
			.query((rs, n) -> new Received(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getBoolean(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
	}

	public Map<Long, Double> unitCosts(long region, LocalDate from, LocalDate to, Collection<Long> skuIds) {
		Map<Long, Double> costs = new HashMap<>();
		if (skuIds.isEmpty()) {
			return costs;
		}
		Long[] skus = skuIds.toArray(Long[]::new);
		jdbc.sql("""
				select l.sku_id, sum(l.price_fen * l.ordered_qty)::float8 / nullif(sum(l.ordered_qty), 0)
				  from supply.purchase_order p join supply.purchase_order_line l on l.po_id = p.id
				 where p.region_id = ? and p.pickup_date between ? and ? and p.status <> 'CANCELLED'
				   and l.sku_id = any(?)
				 group by l.sku_id having sum(l.ordered_qty) > 0""")
			.params(region, from, to, skus)
			.query((rs, n) -> costs.put(rs.getLong(1), rs.getDouble(2)))
			.list();
		jdbc.sql("select sku_id, min(price_fen)::float8 from supply.supplier_sku where active and sku_id = any(?) group by sku_id")
			.param(skus)
			.query((rs, n) -> costs.putIfAbsent(rs.getLong(1), rs.getDouble(2)))
			.list();
		return costs;
	}
}
