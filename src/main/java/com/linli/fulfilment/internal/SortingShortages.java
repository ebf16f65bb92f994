package com.linli.fulfilment.internal;

import java.util.List;

import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderLineRefunded;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the sorting lists to what will really arrive: when a line of a sorted order is refunded before
 * pickup (short from the supplier, rejected at receiving, missing on arrival), its sorting line is marked
 * short by the units refunded and its pickup point's pick line and totals are counted again. The line's
 * short quantity is set from ordering's figures, not added to, so a redelivered event changes nothing.
 */
@Component
class SortingShortages {

	private final OrderCutoffManagement orders;

	private final JdbcClient jdbc;

	SortingShortages(OrderCutoffManagement orders, JdbcClient jdbc) {
		this.orders = orders;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(OrderLineRefunded event) {
		if (event.afterPickup()) {
			return; // handed out already: nothing left on a list to correct
		}
		var toDeliver = orders.unitsToDeliver(event.lineId());
		if (toDeliver.isEmpty()) {
			return;
		}
		List<long[]> sorted = jdbc.sql("""
				select run_id, pickup_point_id, sku_id from fulfilment.sorting_line where order_line_id = ?""")
			.param(event.lineId().value())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).list();
		for (long[] line : sorted) {
			long run = line[0];
			long point = line[1];
			long sku = line[2];
			// the totals' rows first, locked: a concurrent refund of the same point counts after this one commits
			jdbc.sql("select 1 from fulfilment.cutoff_pickup_point where run_id = ? and pickup_point_id = ? for update")
				.params(run, point).query(Integer.class).optional();
			jdbc.sql("select 1 from fulfilment.pick_line where run_id = ? and pickup_point_id = ? and sku_id = ? for update")
				.params(run, point, sku).query(Integer.class).optional();
			jdbc.sql("""
					update fulfilment.sorting_line set short_quantity = least(quantity, greatest(0, quantity - ?))
					 where run_id = ? and order_line_id = ?""")
				.params(toDeliver.get(), run, event.lineId().value()).update();
			jdbc.sql("""
					update fulfilment.pick_line p set units = x.units, short_units = x.short_units
					  from (select coalesce(sum(quantity - short_quantity), 0) units, coalesce(sum(short_quantity), 0) short_units
					          from fulfilment.sorting_line where run_id = ? and pickup_point_id = ? and sku_id = ?) x
					 where p.run_id = ? and p.pickup_point_id = ? and p.sku_id = ?""")
				.params(run, point, sku, run, point, sku).update();
			jdbc.sql("""
					update fulfilment.cutoff_pickup_point c set units = x.units, short_units = x.short_units
					  from (select coalesce(sum(quantity - short_quantity), 0) units, coalesce(sum(short_quantity), 0) short_units
					          from fulfilment.sorting_line where run_id = ? and pickup_point_id = ?) x
					 where c.run_id = ? and c.pickup_point_id = ?""")
				.params(run, point, run, point).update();
		}
	}
}
