package com.linli.analytics.internal.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.IntegrationTest;
import com.linli.analytics.internal.metrics.Metrics;
import com.linli.analytics.internal.metrics.Period;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.network.RegionId;
import com.linli.ordering.OrderFacts.PaidLine;
import com.linli.ordering.OrderFacts.PaidOrder;
import com.linli.ordering.OrderId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The users and leaders metrics over several days and a month, on a fixed set of paid orders applied through the
 * incremental path (some out of order, as late events arrive), in a region of their own. The figures in the
 * comments are computed by hand.
 */
@IntegrationTest
class FactsMetricsIntegrationTests {

	static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10);

	@Autowired
	FactsWriter writer;

	@Autowired
	Metrics metrics;

	RegionId region;

	static final long P1 = 1, P2 = 2, P3 = 3;

	static final long R1 = 11, R2 = 12, R3 = 13, R4 = 14;

	static final Period MARCH = new Period(PeriodKind.MONTH, LocalDate.of(2026, 3, 1));

	void paid(long resident, long point, String day, long paidFen) {
		long id = IDS.incrementAndGet();
		writer.paid(new PaidOrder(new OrderId(id), region, LocalDate.parse(day), point, resident, false,
				List.of(new PaidLine(id, 500, 7, 1, paidFen, paidFen, 0, 0, 0, 0, null))));
	}

	/**
	 * r1 pays 1000 on 3-02, 2000 on 3-05 and 500 on 3-20 at P1; r2 3000 on 3-10 and 1000 on 4-08 at P2 (applied
	 * in reverse); r3 800 on 2-25 and 1200 on 3-03 at P3 (applied in reverse); r4 400 at P1 and 600 at P2 on 3-31.
	 */
	@BeforeEach
	void ordersOfFebruaryToApril() {
		region = new RegionId(900_000_000L + IDS.incrementAndGet());
		paid(R1, P1, "2026-03-02", 1000);
		paid(R1, P1, "2026-03-05", 2000);
		paid(R1, P1, "2026-03-20", 500);
		paid(R2, P2, "2026-04-08", 1000);
		paid(R2, P2, "2026-03-10", 3000);
		paid(R3, P3, "2026-03-03", 1200);
		paid(R3, P3, "2026-02-25", 800);
		paid(R4, P1, "2026-03-31", 400);
		paid(R4, P2, "2026-03-31", 600);
	}

	@Test
	void residentsOfTheMonth() {
		var v = metrics.values(region, List.of(MARCH)).get(MARCH);
		// r1, r2, r3 and r4 paid in March
		assertThat(v.get("users.paying")).isEqualTo(4.0);
		// r1 (3 orders) and r4 (2 orders) paid twice or more; r3 once in March: 2 / 4
		assertThat(v.get("users.repurchaseRate")).isEqualTo(0.5);
		// first orders in March: r1 (3-02), r2 (3-10), r4 (3-31); r3's first was 2-25
		assertThat(v.get("users.new")).isEqualTo(3.0);
		// r1 came back 3 days later; r2 29 days later; r4 only on the same day: 1 / 3 within 7 days
		assertThat(v.get("users.retention7")).isCloseTo(1.0 / 3, within(1e-9));
		// within 30 days: r1 and r2, 2 / 3
		assertThat(v.get("users.retention30")).isCloseTo(2.0 / 3, within(1e-9));

		var drill = metrics.drill("users.new", region, MARCH);
		assertThat(drill.rows()).extracting(r -> r.get(0)).containsExactly(R1, R2, R4);
		assertThat(drill.rows()).extracting(r -> r.get(2))
			.containsExactly(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 8), null);
	}

	@Test
	void residentsOfEachDayAndWeekInOneBatch() {
		var week = new Period(PeriodKind.WEEK, LocalDate.of(2026, 3, 2)); // Monday 3-02 to Sunday 3-08
		var days = new Period(PeriodKind.DAY, LocalDate.of(2026, 3, 31)).trailing(2);
		var byDay = metrics.values(region, days);
		// 3-30: nobody; 3-31: r4 twice
		assertThat(byDay.get(days.get(0)).get("users.paying")).isEqualTo(0.0);
		assertThat(byDay.get(days.get(0))).doesNotContainKey("users.repurchaseRate");
		assertThat(byDay.get(days.get(1)).get("users.paying")).isEqualTo(1.0);
		assertThat(byDay.get(days.get(1)).get("users.repurchaseRate")).isEqualTo(1.0);
		var v = metrics.values(region, List.of(week)).get(week);
		// week of 3-02: r1 (3-02, 3-05) and r3 (3-03): 2 paying, r1 a repeater; r1 new (r3's first is in February)
		assertThat(v.get("users.paying")).isEqualTo(2.0);
		assertThat(v.get("users.repurchaseRate")).isEqualTo(0.5);
		assertThat(v.get("users.new")).isEqualTo(1.0);
		assertThat(v.get("users.retention7")).isEqualTo(1.0);
	}

	@Test
	void leadersOfTheMonth() {
		var v = metrics.values(region, List.of(MARCH)).get(MARCH);
		// P1: 1000 + 2000 + 500 + 400 = 3900; P2: 3000 + 600 = 3600; P3: 1200; all 8700
		assertThat(v.get("leaders.active")).isEqualTo(3.0);
		// the top fifth of 3 pickup points is 1 (rounded up): 3900 / 8700
		assertThat(v.get("leaders.top20Share")).isCloseTo(3900.0 / 8700, within(1e-9));
		// 8700 / 3 = 2900
		assertThat(v.get("leaders.avgSales")).isEqualTo(2900.0);
		var drill = metrics.drill("leaders.top20Share", region, MARCH);
		assertThat(drill.rows()).extracting(r -> r.get(3)).containsExactly(3900L, 3600L, 1200L);
		assertThat(drill.rows()).extracting(r -> r.get(0)).containsExactly(1L, 2L, 3L);
	}

	@Test
	void salesOfTheMonthAndOfAMonthWithout() {
		var april = MARCH.next();
		var may = april.next();
		var v = metrics.values(region, List.of(MARCH, april, may));
		// March: 1000 + 2000 + 500 + 3000 + 1200 + 400 + 600 = 8700 over 7 orders
		assertThat(v.get(MARCH).get("sales.gmv")).isEqualTo(8700.0);
		assertThat(v.get(MARCH).get("sales.orders")).isEqualTo(7.0);
		// 8700 / 7
		assertThat(v.get(MARCH).get("sales.aov")).isCloseTo(8700.0 / 7, within(1e-9));
		// April: r2's 1000
		assertThat(v.get(april).get("sales.gmv")).isEqualTo(1000.0);
		// May: nothing sold, no average and no refund rate
		assertThat(v.get(may).get("sales.orders")).isEqualTo(0.0);
		assertThat(v.get(may)).doesNotContainKeys("sales.aov", "sales.refundRate");
	}
}
