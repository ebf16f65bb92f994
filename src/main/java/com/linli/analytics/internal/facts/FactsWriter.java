package com.linli.analytics.internal.facts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.Map;

import com.linli.analytics.internal.metrics.Period;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.ordering.OrderFacts.PaidLine;
import com.linli.ordering.OrderFacts.PaidOrder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one event's deltas to the facts tables, once per event key ({@code fact_event}): the claim and the
 * deltas commit together, so a redelivered event finds its key and changes nothing. The deltas are the same
 * figures {@link FactsRebuild} computes from the orders (see {@code OrderFacts}): a payment adds the order as
 * placed; a line refund adds its amount (and the line to the refunded lines when it is the line's first refund);
 * a cancel after payment adds what the cancel refunded of each line.
 */
@Component
class FactsWriter {

	private final JdbcClient jdbc;

	private final Clock clock;

	FactsWriter(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Claims an event key; false when it was applied before. */
	boolean claim(String key) {
		return jdbc.sql("insert into analytics.fact_event (key, processed_at) values (?, ?) on conflict do nothing")
			.params(key, Timestamp.from(clock.instant()))
			.update() == 1;
	}

	@Transactional
	void paid(PaidOrder order) {
		if (!claim("paid:" + order.orderId().value())) {
			return;
		}
		long region = order.regionId().value();
		long gmv = 0;
		long paid = 0;
		// rows are locked in one order everywhere (SKUs, categories, pickup point, region, residents' rows): two
		// listeners updating the same rows wait for each other, never deadlock
		Map<Long, long[]> byCategory = new TreeMap<>();
		for (PaidLine l : order.lines().stream().sorted(Comparator.comparingLong(PaidLine::skuId)).toList()) {
			gmv += l.gmvFen();
			paid += l.paidFen();
			var c = byCategory.computeIfAbsent(l.categoryId(), k -> new long[4]);
			c[0]++;
			c[1] += l.quantity();
			c[2] += l.gmvFen();
			c[3] += l.paidFen();
			jdbc.sql("""
					insert into analytics.daily_sku (region_id, day, sku_id, category_id, units, paid_fen)
					values (?, ?, ?, ?, ?, ?)
					on conflict (region_id, day, sku_id) do update
					   set units = daily_sku.units + excluded.units, paid_fen = daily_sku.paid_fen + excluded.paid_fen""")
				.params(region, order.day(), l.skuId(), l.categoryId(), l.quantity(), l.paidFen())
				.update();
		}
		byCategory.forEach((category, c) -> jdbc.sql("""
				insert into analytics.daily_sales (region_id, day, pickup_point_id, category_id, orders, lines, units,
				       gmv_fen, paid_fen, discount_fen)
				values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)
				on conflict (region_id, day, pickup_point_id, category_id) do update
				   set orders = daily_sales.orders + 1, lines = daily_sales.lines + excluded.lines,
				       units = daily_sales.units + excluded.units, gmv_fen = daily_sales.gmv_fen + excluded.gmv_fen,
				       paid_fen = daily_sales.paid_fen + excluded.paid_fen,
				       discount_fen = daily_sales.discount_fen + excluded.discount_fen""")
			.params(region, order.day(), order.pickupPointId(), category, c[0], c[1], c[2], c[3], c[2] - c[3])
			.update());
		jdbc.sql("""
				insert into analytics.daily_point (region_id, day, pickup_point_id, orders, gmv_fen, paid_fen, discount_fen)
				values (?, ?, ?, 1, ?, ?, ?)
				on conflict (region_id, day, pickup_point_id) do update
				   set orders = daily_point.orders + 1, gmv_fen = daily_point.gmv_fen + excluded.gmv_fen,
				       paid_fen = daily_point.paid_fen + excluded.paid_fen,
				       discount_fen = daily_point.discount_fen + excluded.discount_fen""")
			.params(region, order.day(), order.pickupPointId(), gmv, paid, gmv - paid)
			.update();
		jdbc.sql("""
				insert into analytics.daily_region (region_id, day, orders, gmv_fen, paid_fen, discount_fen)
				values (?, ?, 1, ?, ?, ?)
				on conflict (region_id, day) do update
				   set orders = daily_region.orders + 1, gmv_fen = daily_region.gmv_fen + excluded.gmv_fen,
				       paid_fen = daily_region.paid_fen + excluded.paid_fen,
				       discount_fen = daily_region.discount_fen + excluded.discount_fen""")
			.params(region, order.day(), gmv, paid, gmv - paid)
			.update();
		for (PeriodKind kind : PeriodKind.values()) {
			LocalDate start = Period.containing(kind, order.day()).start();
			int orders = jdbc.sql("""
					insert into analytics.resident_period (region_id, kind, start, resident_id, orders, paid_fen)
					values (?, ?, ?, ?, 1, ?)
					on conflict (region_id, kind, start, resident_id) do update
					   set orders = resident_period.orders + 1, paid_fen = resident_period.paid_fen + excluded.paid_fen
					returning orders""")
				.params(region, kind.name(), start, order.residentId(), paid)
				.query(Integer.class)
				.single();
			if (orders == 1) {
				// the resident pays for the first time in the period
				jdbc.sql("""
						insert into analytics.period_residents (region_id, kind, start, paying, repeaters)
						values (?, ?, ?, 1, 0)
						on conflict (region_id, kind, start) do update set paying = period_residents.paying + 1""")
					.params(region, kind.name(), start)
					.update();
			}
			else if (orders == 2) {
				// a repeater now: the period's row exists since the resident's first order in it
				jdbc.sql("""
						update analytics.period_residents set repeaters = repeaters + 1
						 where region_id = ? and kind = ? and start = ?""")
					.params(region, kind.name(), start)
					.update();
			}
			jdbc.sql("""
					insert into analytics.period_point (region_id, kind, start, pickup_point_id, orders, paid_fen)
					values (?, ?, ?, ?, 1, ?)
					on conflict (region_id, kind, start, pickup_point_id) do update
					   set orders = period_point.orders + 1, paid_fen = period_point.paid_fen + excluded.paid_fen""")
				.params(region, kind.name(), start, order.pickupPointId(), paid)
				.update();
		}
		// the first day moves earlier if this one is; the second is the earliest later day among all known
		jdbc.sql("""
				insert into analytics.resident_first as f (region_id, resident_id, first_day, second_day)
				values (?, ?, ?, null)
				on conflict (region_id, resident_id) do update
				   set first_day = least(f.first_day, excluded.first_day),
				       second_day = least(
				           case when f.first_day > least(f.first_day, excluded.first_day) then f.first_day end,
				           case when f.second_day > least(f.first_day, excluded.first_day) then f.second_day end,
				           case when excluded.first_day > least(f.first_day, excluded.first_day) then excluded.first_day end)""")
			.params(region, order.residentId(), order.day())
			.update();
	}

	/** A refund of part of a line: its amount, and the line itself when this is its first refund. */
	@Transactional
	void lineRefunded(PaidOrder order, PaidLine line, String key, long amountFen, boolean firstOfLine) {
		if (!claim(key)) {
			return;
		}
		refund(order, Map.of(line.skuId(), new long[] { line.categoryId(), amountFen }),
				Map.of(line.categoryId(), new long[] { amountFen, firstOfLine ? 1 : 0 }));
	}

	/** A cancel after payment refunded what was left of every line. */
	@Transactional
	void cancelled(PaidOrder order) {
		if (!claim("cancel:" + order.orderId().value())) {
			return;
		}
		Map<Long, long[]> bySku = new TreeMap<>();
		Map<Long, long[]> byCategory = new TreeMap<>();
		for (PaidLine l : order.lines()) {
			int units = l.refundedQuantity() - l.lineRefundedQuantity();
			long fen = l.refundedFen() - l.lineRefundedFen();
			if (units > 0 || fen > 0) {
				bySku.computeIfAbsent(l.skuId(), k -> new long[] { l.categoryId(), 0 })[1] += fen;
				var c = byCategory.computeIfAbsent(l.categoryId(), k -> new long[2]);
				c[0] += fen;
				// the line counts as refunded unless a line refund counted it before
				c[1] += l.lineRefundedQuantity() == 0 && l.refundedQuantity() > 0 ? 1 : 0;
			}
		}
		if (!bySku.isEmpty()) {
			refund(order, bySku, byCategory);
		}
	}

	/** Refunds by SKU ({category, fen}) and by category ({fen, lines}), in the lock order of {@link #paid}. */
	private void refund(PaidOrder order, Map<Long, long[]> bySku, Map<Long, long[]> byCategory) {
		long region = order.regionId().value();
		long total = 0;
		for (var e : new TreeMap<>(bySku).entrySet()) {
			jdbc.sql("""
					insert into analytics.daily_sku (region_id, day, sku_id, category_id, refund_fen)
					values (?, ?, ?, ?, ?)
					on conflict (region_id, day, sku_id) do update set refund_fen = daily_sku.refund_fen + excluded.refund_fen""")
				.params(region, order.day(), e.getKey(), e.getValue()[0], e.getValue()[1])
				.update();
			total += e.getValue()[1];
		}
		for (var e : new TreeMap<>(byCategory).entrySet()) {
			jdbc.sql("""
					insert into analytics.daily_sales (region_id, day, pickup_point_id, category_id, refund_fen, refund_lines)
					values (?, ?, ?, ?, ?, ?)
					on conflict (region_id, day, pickup_point_id, category_id) do update
					   set refund_fen = daily_sales.refund_fen + excluded.refund_fen,
					       refund_lines = daily_sales.refund_lines + excluded.refund_lines""")
				.params(region, order.day(), order.pickupPointId(), e.getKey(), e.getValue()[0], e.getValue()[1])
				.update();
		}
		jdbc.sql("""
				insert into analytics.daily_point (region_id, day, pickup_point_id, refund_fen)
				values (?, ?, ?, ?)
				on conflict (region_id, day, pickup_point_id) do update set refund_fen = daily_point.refund_fen + excluded.refund_fen""")
			.params(region, order.day(), order.pickupPointId(), total)
			.update();
		jdbc.sql("""
				insert into analytics.daily_region (region_id, day, refund_fen)
				values (?, ?, ?)
				on conflict (region_id, day) do update set refund_fen = daily_region.refund_fen + excluded.refund_fen""")
			.params(region, order.day(), total)
			.update();
	}

	/** Forgets event keys older than the cutoff (events are redelivered within minutes, not months). */
	int prune(java.time.Instant before) {
		return jdbc.sql("delete from analytics.fact_event where processed_at < ?").param(Timestamp.from(before)).update();
	}
}
