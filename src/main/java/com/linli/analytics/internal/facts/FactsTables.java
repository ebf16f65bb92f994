package com.linli.analytics.internal.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.function.ToLongFunction;

import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.network.RegionId;
import com.linli.ordering.OrderFacts.CategoryDay;
import com.linli.ordering.OrderFacts.PointDay;
import com.linli.ordering.OrderFacts.ResidentDay;
import com.linli.ordering.OrderFacts.SkuDay;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rebuild's writes: deletes of a range of days, inserts of ordering's grouped facts as arrays (one statement
 * per table however many rows), and the tables derived from the daily ones.
 */
@Component
class FactsTables {

	private final JdbcClient jdbc;

	FactsTables(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Room for the rebuild's grouped queries to hash in memory (this transaction only). */
	void roomToGroup() {
		jdbc.sql("set local work_mem = '64MB'").update();
	}

	void deleteDays(RegionId region, LocalDate first, LocalDate last) {
		for (String table : List.of("daily_sales", "daily_point", "daily_sku")) {
			jdbc.sql("delete from analytics." + table + " where region_id = ? and day between ? and ?")
				.params(region.value(), first, last).update();
		}
		jdbc.sql("delete from analytics.resident_period where region_id = ? and kind = 'DAY' and start between ? and ?")
			.params(region.value(), first, last).update();
	}

	long insertSales(RegionId region, List<CategoryDay> rows) {
		return jdbc.sql("""
				insert into analytics.daily_sales (region_id, day, pickup_point_id, category_id, orders, lines, units,
				       gmv_fen, paid_fen, discount_fen, refund_fen, refund_lines)
				select ?, date '1970-01-01' + d::int, p, c, o, l, u, g, pa, di, r, rl
				  from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
				              ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) as t(d, p, c, o, l, u, g, pa, di, r, rl)""")
			.params(region.value(), days(rows, CategoryDay::day), col(rows, CategoryDay::pickupPointId),
					col(rows, CategoryDay::categoryId), col(rows, CategoryDay::orders), col(rows, CategoryDay::lines),
					col(rows, CategoryDay::units), col(rows, CategoryDay::gmvFen), col(rows, CategoryDay::paidFen),
					col(rows, CategoryDay::discountFen), col(rows, CategoryDay::refundFen),
					col(rows, CategoryDay::refundLines))
			.update();
	}

	long insertPoints(RegionId region, List<PointDay> rows) {
		return jdbc.sql("""
				insert into analytics.daily_point (region_id, day, pickup_point_id, orders, gmv_fen, paid_fen,
				       discount_fen, refund_fen)
				select ?, date '1970-01-01' + d::int, p, o, g, pa, di, r
				  from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
				       as t(d, p, o, g, pa, di, r)""")
			.params(region.value(), days(rows, PointDay::day), col(rows, PointDay::pickupPointId),
					col(rows, PointDay::orders), col(rows, PointDay::gmvFen), col(rows, PointDay::paidFen),
					col(rows, PointDay::discountFen), col(rows, PointDay::refundFen))
			.update();
	}

	long insertSkus(RegionId region, List<SkuDay> rows) {
		return jdbc.sql("""
				insert into analytics.daily_sku (region_id, day, sku_id, category_id, units, paid_fen, refund_fen)
				select ?, date '1970-01-01' + d::int, s, c, u, pa, r
				  from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
				       as t(d, s, c, u, pa, r)""")
			.params(region.value(), days(rows, SkuDay::day), col(rows, SkuDay::skuId), col(rows, SkuDay::categoryId),
					col(rows, SkuDay::units), col(rows, SkuDay::paidFen), col(rows, SkuDay::refundFen))
			.update();
	}

	long insertResidentDays(RegionId region, List<ResidentDay> rows) {
		return jdbc.sql("""
				insert into analytics.resident_period (region_id, kind, start, resident_id, orders, paid_fen)
				select ?, 'DAY', date '1970-01-01' + d::int, r, o, pa
				  from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) as t(d, r, o, pa)""")
			.params(region.value(), days(rows, ResidentDay::day), col(rows, ResidentDay::residentId),
					col(rows, ResidentDay::orders), col(rows, ResidentDay::paidFen))
			.update();
	}

	/** The region's daily totals from its pickup points' days. */
	long deriveRegionDays(RegionId region, LocalDate first, LocalDate last) {
		jdbc.sql("delete from analytics.daily_region where region_id = ? and day between ? and ?")
			.params(region.value(), first, last).update();
		return jdbc.sql("""
				insert into analytics.daily_region (region_id, day, orders, gmv_fen, paid_fen, discount_fen, refund_fen)
				select region_id, day, sum(orders), sum(gmv_fen), sum(paid_fen), sum(discount_fen), sum(refund_fen)
				  from analytics.daily_point
				 where region_id = ? and day between ? and ?
				 group by region_id, day""")
			.params(region.value(), first, last).update();
	}

	/**
	 * The periods of a kind starting in [start, end) derived from the daily rows: the residents' rows (but DAY, which
	 * are the daily rows), the per-period counts of paying residents and repeaters, the pickup points' totals.
	 */
	long derivePeriods(RegionId region, PeriodKind kind, LocalDate start, LocalDate end) {
		String trunc = switch (kind) {
			case DAY -> "%s";
			case WEEK -> "date_trunc('week', %s)::date";
			case MONTH -> "date_trunc('month', %s)::date";
			case QUARTER -> "date_trunc('quarter', %s)::date";
		};
		long region_ = region.value();
		long n = 0;
		if (kind != PeriodKind.DAY) {
			jdbc.sql("delete from analytics.resident_period where region_id = ? and kind = ? and start >= ? and start < ?")
				.params(region_, kind.name(), start, end).update();
			n += jdbc.sql("""
					insert into analytics.resident_period (region_id, kind, start, resident_id, orders, paid_fen)
					select region_id, ?, %s, resident_id, sum(orders), sum(paid_fen)
					  from analytics.resident_period
					 where region_id = ? and kind = 'DAY' and start >= ? and start < ?
					 group by region_id, 3, resident_id""".formatted(trunc.formatted("start")))
				.params(kind.name(), region_, start, end).update();
		}
		jdbc.sql("delete from analytics.period_residents where region_id = ? and kind = ? and start >= ? and start < ?")
			.params(region_, kind.name(), start, end).update();
		n += jdbc.sql("""
				insert into analytics.period_residents (region_id, kind, start, paying, repeaters)
				select region_id, kind, start, count(*), count(*) filter (where orders >= 2)
				  from analytics.resident_period
				 where region_id = ? and kind = ? and start >= ? and start < ?
				 group by region_id, kind, start""")
			.params(region_, kind.name(), start, end).update();
		jdbc.sql("delete from analytics.period_point where region_id = ? and kind = ? and start >= ? and start < ?")
			.params(region_, kind.name(), start, end).update();
		n += jdbc.sql("""
				insert into analytics.period_point (region_id, kind, start, pickup_point_id, orders, paid_fen)
				select region_id, ?, %s, pickup_point_id, sum(orders), sum(paid_fen)
				  from analytics.daily_point
				 where region_id = ? and day >= ? and day < ? and orders > 0
				 group by region_id, 3, pickup_point_id""".formatted(trunc.formatted("day")))
			.params(kind.name(), region_, start, end).update();
		return n;
	}

	/** Every resident's first and second day with a paid order, from all their DAY rows in the region. */
	long deriveResidentFirst(RegionId region) {
		jdbc.sql("delete from analytics.resident_first where region_id = ?").param(region.value()).update();
		return jdbc.sql("""
				insert into analytics.resident_first (region_id, resident_id, first_day, second_day)
				select region_id, resident_id, min(start), (array_agg(start order by start))[2]
				  from analytics.resident_period
				 where region_id = ? and kind = 'DAY'
				 group by region_id, resident_id""")
			.param(region.value()).update();
	}

	private static <T> long[] col(List<T> rows, ToLongFunction<T> f) {
		return rows.stream().mapToLong(f).toArray();
	}

	private static <T> long[] days(List<T> rows, java.util.function.Function<T, LocalDate> f) {
		return rows.stream().mapToLong(r -> f.apply(r).toEpochDay()).toArray();
	}
}
