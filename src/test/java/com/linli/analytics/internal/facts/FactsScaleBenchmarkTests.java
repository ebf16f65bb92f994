package com.linli.analytics.internal.facts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.linli.IntegrationTest;
import com.linli.analytics.internal.metrics.Metrics;
import com.linli.analytics.internal.metrics.Period;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.network.RegionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (opt-in, {@code -Dlinli.bench.facts=true}; {@code -Dlinli.bench.facts.orders=N}, default 250,000 orders
 * of 2 lines over a year at 300 pickup points): orders written straight into ordering's tables (bench data only),
 * then the year's facts rebuilt through {@link FactsRebuild} and the users, sales and leaders metrics of a dashboard
 * (a period, the 12 before, and the same 13 a year earlier) read for each kind of period. Prints the times.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "linli.bench.facts", matches = "true")
class FactsScaleBenchmarkTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FactsRebuild rebuild;

	@Autowired
	Metrics metrics;

	@Test
	void aYearRebuiltAndReadBack() {
		int orders = Integer.getInteger("linli.bench.facts.orders", 250_000);
		long base = 700_000_000L;
		RegionId region = new RegionId(base + System.nanoTime() % 1_000_000);
		LocalDate first = LocalDate.of(2025, 1, 1);
		var start = java.sql.Timestamp.from(first.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
		long t0 = System.nanoTime();
		jdbc.sql("""
				insert into ordering.orders (id, order_no, resident_id, idempotency_key, recipient_name, recipient_phone,
				    region_id, pickup_point_id, pickup_date, status, total_fen, paid_fen, pickup_code, created_at,
				    expires_at, cutoff_at, paid_at, picked_up_at)
				overriding system value
				select ? + i, 'F' || (? + i), 2000000000 + (i * 7919) % 40000, 'facts-bench-' || i, '居民', '13900000000',
				       ?, 3000000000 + i % 300, (?::timestamptz + (i % 365) * interval '1 day')::date + 1, 'PICKED_UP',
				       2970, 2970, lpad(i::text, 8, '0'), ?::timestamptz + (i % 365) * interval '1 day',
				       ?::timestamptz + (i % 365) * interval '1 day' + interval '1 hour',
				       ?::timestamptz + (i % 365) * interval '1 day' + interval '23 hours',
				       ?::timestamptz + (i % 365) * interval '1 day' + (i % 20) * interval '1 hour',
				       ?::timestamptz + (i % 365) * interval '1 day' + interval '2 days'
				  from generate_series(1, ?) i""")
			.params(base, base, region.value(), start, start, start, start, start, start, orders)
			.update();
		jdbc.sql("""
				insert into ordering.order_line (order_id, listing_id, sku_id, category_id, sku_name, spec, unit,
				    unit_price_fen, quantity, amount_fen, coupon_fen, picked_up_quantity)
				select ? + i, k, 1 + (i * 7 + k) % 500, 1 + (i + k) % 20, '商品', '500g/份', '份', 990, 1 + k, 990 * (1 + k),
				       case when i % 10 = 0 then 100 else 0 end, 1 + k
				  from generate_series(1, ?) i, generate_series(0, 1) k""")
			.params(base, orders)
			.update();
		jdbc.sql("analyze ordering.orders").update();
		jdbc.sql("analyze ordering.order_line").update();
		System.out.printf("facts bench: %d orders, %d lines loaded in %.1f s%n", orders, orders * 2,
				(System.nanoTime() - t0) / 1e9);

		var result = rebuild.rebuild(region, first, first.plusDays(364));
		System.out.printf("facts bench: rebuild of a year: %d rows in %d ms%n", result.rows(), result.elapsedMillis());

		for (PeriodKind kind : PeriodKind.values()) {
			var now = Period.containing(kind, first.plusDays(364));
			List<Period> periods = new ArrayList<>(now.trailing(13));
			periods.addAll(now.lastYear().trailing(13));
			long best = Long.MAX_VALUE;
			for (int round = 0; round < 5; round++) {
				long t = System.nanoTime();
				var values = metrics.values(region, periods);
				best = Math.min(best, System.nanoTime() - t);
				assertThat(values.get(now)).containsKey("sales.gmv");
			}
			System.out.printf("facts bench: every metric of 26 %s periods in %.1f ms (best of 5)%n", kind, best / 1e6);
		}
		var gmv = metrics.values(region, List.of(new Period(PeriodKind.QUARTER, LocalDate.of(2025, 1, 1)),
				new Period(PeriodKind.QUARTER, LocalDate.of(2025, 4, 1)), new Period(PeriodKind.QUARTER,
						LocalDate.of(2025, 7, 1)), new Period(PeriodKind.QUARTER, LocalDate.of(2025, 10, 1))));
		double all = gmv.values().stream().mapToDouble(v -> v.get("sales.gmv")).sum();
		// every order: 990 x 1 + 990 x 2 = 2970 fen of GMV
		assertThat(all).isEqualTo(2970.0 * orders);

		jdbc.sql("delete from ordering.order_line where order_id > ? and order_id <= ?").params(base, base + orders).update();
		jdbc.sql("delete from ordering.orders where id > ? and id <= ?").params(base, base + orders).update();
	}
}
