package com.linli.analytics.internal.facts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.analytics.internal.metrics.Metrics;
import com.linli.analytics.internal.metrics.Period;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.marketing.Listing;
import com.linli.network.PickupPoint;
import com.linli.network.RegionId;
import com.linli.ordering.OrderFacts;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderRefundManagement;
import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Real orders through the API: placed, paid, one cancelled after payment, one line refunded. The facts the events
 * kept are the facts the rebuild computes from the orders, row by row; the sales, users and leaders metrics of the
 * day match the amounts computed by hand; an event applied twice counts once.
 */
@IntegrationTest
class FactsIntegrationTests {

	static final List<String> TABLES = List.of("daily_sales", "daily_point", "daily_region", "daily_sku",
			"resident_period", "period_residents", "period_point", "resident_first");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrderFacts orderFacts;

	@Autowired
	OrderRefundManagement refunds;

	@Autowired
	FactsRebuild rebuild;

	@Autowired
	FactsWriter writer;

	@Autowired
	Metrics metrics;

	@Autowired
	Clock clock;

	OrderingFixtures world;

	RegionId region;

	LocalDate day;

	long annFirst;

	long annSecond;

	long bobOrder;

	long caiOrder;

	String refundReference;

	/**
	 * Pears 12.34 and tomatoes 8.00. At the first pickup point ann pays 2 pears + 1 tomato (3268 fen), bob 3 pears
	 * (3702), ann again 1 pear (1234) and cancels it (refunded 1234); at the second point cai pays 1 tomato (800).
	 * One of bob's pears is refunded (1234). Dan's order stays unpaid (no fact).
	 */
	@BeforeEach
	void ordersPaidCancelledAndRefunded() {
		world = new OrderingFixtures(context, port);
		region = world.region.id();
		var orders = new FulfilmentFixtures(world, port);
		Listing pears = world.listing("砀山酥梨", "12.34", 100, 10);
		Listing tomatoes = world.listing("小番茄", "8.00", 100, 10);
		PickupPoint second = world.anotherPickupPoint();
		Api ann = world.resident();
		Api bob = world.resident();
		Api cai = world.resident(second);
		Api dan = world.resident();
		annFirst = orders.paidOrder(ann, pears, 2, tomatoes, 1).get("id").asLong();
		JsonNode bobs = orders.paidOrder(bob, pears, 3);
		bobOrder = bobs.get("id").asLong();
		caiOrder = orders.paidOrder(cai, tomatoes, 1).get("id").asLong();
		annSecond = orders.paidOrder(ann, pears, 1).get("id").asLong();
		orders.order(dan, pears, 1);
		assertThat(ann.post("/api/orders/" + annSecond + "/cancel", Map.of()).status()).isEqualTo(200);
		long bobLine = FulfilmentFixtures.line(bobs, pears).get("id").asLong();
		String suffix = "t-facts-" + System.nanoTime();
		refunds.refundLine(new OrderId(bobOrder), new OrderLineId(bobLine), 1, suffix, "DAMAGED", "坏果", false);
		refundReference = "line:" + bobLine + ":" + suffix;
		awaitApplied(List.of("paid:" + annFirst, "paid:" + bobOrder, "paid:" + caiOrder, "paid:" + annSecond,
				"cancel:" + annSecond, "refund:" + refundReference));
		day = orderFacts.paidOrder(new OrderId(annFirst)).orElseThrow().day();
		for (long id : List.of(bobOrder, caiOrder, annSecond)) {
			assertThat(orderFacts.paidOrder(new OrderId(id)).orElseThrow().day())
				.as("every order was paid on one business day (the test ran across midnight)").isEqualTo(day);
		}
	}

	void awaitApplied(List<String> keys) {
		Deadline deadline = Deadline.inMillis(20_000);
		while (true) {
			long applied = jdbc.sql("select count(*) from analytics.fact_event where key = any(?)")
				.param(keys.toArray(String[]::new)).query(Long.class).single();
			if (applied == keys.size()) {
				return;
			}
			assertThat(deadline.passed()).as("the listeners applied " + keys + " in time").isFalse();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	Map<String, List<String>> snapshot() {
		var tables = new java.util.LinkedHashMap<String, List<String>>();
		for (String t : TABLES) {
			tables.put(t, jdbc.sql("select t::text from analytics." + t + " t where region_id = ? order by 1")
				.param(region.value()).query(String.class).list());
		}
		return tables;
	}

	@Test
	void theRebuildFromTheOrdersAgreesRowByRowWithWhatTheEventsKept() {
		var incremental = snapshot();
		// pears and tomatoes (two categories) at the first pickup point, tomatoes at the second
		assertThat(incremental.get("daily_sales")).hasSize(3);

		var result = rebuild.rebuild(region, day.minusDays(1), day.plusDays(1));

		assertThat(snapshot()).isEqualTo(incremental);
		assertThat(result.rows()).isPositive();
		// and once more: the rebuild is idempotent
		rebuild.rebuild(region, day.minusDays(1), day.plusDays(1));
		assertThat(snapshot()).isEqualTo(incremental);
	}

	@Test
	void anEventAppliedAgainCountsOnce() {
		var before = snapshot();
		var ann = orderFacts.paidOrder(new OrderId(annFirst)).orElseThrow();
		var cancelled = orderFacts.paidOrder(new OrderId(annSecond)).orElseThrow();
		var bob = orderFacts.paidOrder(new OrderId(bobOrder)).orElseThrow();

		writer.paid(ann);
		writer.cancelled(cancelled);
		writer.lineRefunded(bob, bob.lines().get(0), "refund:" + refundReference, 1234, true);

		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void salesOfTheDayAreTheOrdersPaidThatDay() {
		var v = metrics.values(region, List.of(new Period(PeriodKind.DAY, day))).values().iterator().next();
		// GMV = ann 2 x 1234 + 800 = 3268, bob 3 x 1234 = 3702, cai 800, ann again 1234: 9004 (no discounts)
		assertThat(v.get("sales.gmv")).isEqualTo(9004.0);
		// four paid orders (the one cancelled after payment was paid); dan's unpaid one is not
		assertThat(v.get("sales.orders")).isEqualTo(4.0);
		// 9004 / 4 = 2251
		assertThat(v.get("sales.aov")).isEqualTo(2251.0);
		// the cancel refunded 1234, bob's pear 1234: 2468
		assertThat(v.get("sales.refunds")).isEqualTo(2468.0);
		// 2468 / 9004
		assertThat(v.get("sales.refundRate")).isCloseTo(2468.0 / 9004, within(1e-9));
		assertThat(v.get("sales.discount")).isEqualTo(0.0);

		var drill = metrics.drill("sales.gmv", region, new Period(PeriodKind.DAY, day));
		// first point: 3268 + 3702 + 1234 = 8204; second: 800
		assertThat(drill.rows()).hasSize(2);
		assertThat(drill.rows().get(0).get(2)).isEqualTo(8204L);
		assertThat(drill.rows().get(1).get(2)).isEqualTo(800L);
	}

	@Test
	void leadersOfTheDayAreThePickupPointsWithPaidOrders() {
		var v = metrics.values(region, List.of(new Period(PeriodKind.DAY, day))).values().iterator().next();
		// two pickup points sold: 8204 and 800
		assertThat(v.get("leaders.active")).isEqualTo(2.0);
		// the top fifth of 2 is 1 (rounded up): 8204 / 9004
		assertThat(v.get("leaders.top20Share")).isCloseTo(8204.0 / 9004, within(1e-9));
		// 9004 / 2 = 4502
		assertThat(v.get("leaders.avgSales")).isEqualTo(4502.0);
		var drill = metrics.drill("leaders.active", region, new Period(PeriodKind.DAY, day));
		assertThat(drill.rows()).extracting(r -> r.get(3)).containsExactly(8204L, 800L);
	}

	@Test
	void residentsOfTheDayAreWhoPaid() {
		var v = metrics.values(region, List.of(new Period(PeriodKind.DAY, day))).values().iterator().next();
		// ann, bob and cai paid (dan did not), all for the first time
		assertThat(v.get("users.paying")).isEqualTo(3.0);
		assertThat(v.get("users.new")).isEqualTo(3.0);
		// ann paid twice: 1 of 3
		assertThat(v.get("users.repurchaseRate")).isCloseTo(1.0 / 3, within(1e-9));
		// nobody came back on a later day (yet)
		assertThat(v.get("users.retention7")).isEqualTo(0.0);
		assertThat(v.get("users.retention30")).isEqualTo(0.0);
	}

	@Test
	void theOperatorRebuildsThroughTheApiAndAReversedRangeIsRefused() {
		var admin = Api.at(port).asAdmin();
		var ok = admin.post("/api/analytics/rebuild",
				Map.of("regionId", region.value(), "from", day.toString(), "to", day.toString()));
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.json().get("rows").asLong()).isPositive();
		var reversed = admin.post("/api/analytics/rebuild",
				Map.of("regionId", region.value(), "from", day.toString(), "to", day.minusDays(1).toString()));
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.errorFields()).contains("to");
		var resident = world.resident();
		assertThat(resident.post("/api/analytics/rebuild",
				Map.of("regionId", region.value(), "from", day.toString(), "to", day.toString())).status())
			.isEqualTo(403);
	}
}
