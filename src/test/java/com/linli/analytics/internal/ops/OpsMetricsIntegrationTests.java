package com.linli.analytics.internal.ops;

import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.analytics.internal.facts.FactsRebuild;
import com.linli.analytics.internal.metrics.Metrics;
import com.linli.analytics.internal.metrics.Period;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.network.NetworkFixtures;
import com.linli.network.RegionId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.linli.analytics.internal.ops.OpsFixture.D1;
import static com.linli.analytics.internal.ops.OpsFixture.D2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * PRODUCTS, SUPPLY, DELIVERY and SERVICE metrics, unit economics per day, month and order, and the budget, on the
 * fixed data set of {@link OpsFixture}; every expected value is worked out by hand beside it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsMetricsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Metrics metrics;

	@Autowired
	FactsRebuild rebuild;

	OpsFixture data;

	RegionId region;

	Api operator;

	final Period day1 = Period.containing(PeriodKind.DAY, D1);

	final Period day2 = Period.containing(PeriodKind.DAY, D2);

	final Period week = Period.containing(PeriodKind.WEEK, D1); // 2025-03-10 (Mon) .. 03-16

	Map<Period, Map<String, Double>> values;

	@BeforeAll
	void fixture() {
		data = new OpsFixture(Api.at(port).asAdmin(), jdbc);
		region = new RegionId(data.region);
		operator = new NetworkFixtures(Api.at(port).asAdmin()).operatorOf(data.region);
		// the paid orders the service rates divide by are analytics' aggregate, rebuilt from the rows written above
		rebuild.rebuild(region, D1.minusDays(1), D2);
		values = metrics.values(region, List.of(day1, day2, week));
	}

	double value(Period p, String key) {
		Double v = values.get(p).get(key);
		assertThat(v).as(key + " in " + p).isNotNull();
		return v;
	}

	@Test
	void sellThroughAndStockOutsCountTheListingsThatClosedInThePeriod() {
		// D1: sold 80 + 50 of caps 100 + 50 = 130 / 150; one sold out (the withdrawn one counts nowhere)
		assertThat(value(day1, ProductMetrics.SELL_THROUGH)).isCloseTo(130.0 / 150, within(1e-9));
		assertThat(value(day1, ProductMetrics.STOCK_OUTS)).isEqualTo(1.0);
		// D2: 20 / 20, sold out
		assertThat(value(day2, ProductMetrics.SELL_THROUGH)).isCloseTo(1.0, within(1e-9));
		// week: 150 / 170, two sold out
		assertThat(value(week, ProductMetrics.SELL_THROUGH)).isCloseTo(150.0 / 170, within(1e-9));
		assertThat(value(week, ProductMetrics.STOCK_OUTS)).isEqualTo(2.0);
		assertThat(metrics.drill(ProductMetrics.STOCK_OUTS, region, week).rows()).hasSize(2);
	}

	@Test
	void wasteIsWhatWasWrittenOffAtBatchCost() {
		// D1: 5 expired of B1 at 2 yuan = 1000 fen; D2: 10 damaged of B2 at 1 yuan = 1000 fen; week 15 units, 2000 fen
		assertThat(value(day1, ProductMetrics.WASTE_UNITS)).isEqualTo(5.0);
		assertThat(value(day1, ProductMetrics.WASTE_VALUE)).isEqualTo(1000.0);
		assertThat(value(day2, ProductMetrics.WASTE_UNITS)).isEqualTo(10.0);
		assertThat(value(week, ProductMetrics.WASTE_UNITS)).isEqualTo(15.0);
		assertThat(value(week, ProductMetrics.WASTE_VALUE)).isEqualTo(2000.0);
		assertThat(metrics.drill(ProductMetrics.WASTE_VALUE, region, week).rows()).hasSize(2);
	}

	@Test
	void turnoverDaysAreAverageStockValueOverDailyCostOfGoodsSold() {
		// value now 45*200 + 40*100 = 13000; end of D2 13000; end of D1 13000 + 5000 (D2's sale 4000 + damage 1000) = 18000
		// D1: 18000 / (30*200 = 6000 per day) = 3.0; D2: 13000 / (20*200 = 4000) = 3.25
		assertThat(value(day1, ProductMetrics.TURNOVER)).isCloseTo(3.0, within(1e-9));
		assertThat(value(day2, ProductMetrics.TURNOVER)).isCloseTo(3.25, within(1e-9));
		// week: (18000 + 6 * 13000) / 7 days over (10000 / 7 days) = 96000 / 10000 = 9.6
		assertThat(value(week, ProductMetrics.TURNOVER)).isCloseTo(9.6, within(1e-9));
	}

	@Test
	void supplyRatesComeFromTheReceivedPurchaseOrders() {
		// PO1 on time, PO2 late: 1/2; accepted 90 + 50 + 30 = 170 of ordered 100 + 50 + 40 = 190; rejected 10 + 5
		assertThat(value(day1, SupplyMetrics.ON_TIME)).isCloseTo(0.5, within(1e-9));
		assertThat(value(day1, SupplyMetrics.FILL_RATE)).isCloseTo(170.0 / 190, within(1e-9));
		assertThat(value(day1, SupplyMetrics.QUALITY)).isCloseTo(170.0 / 185, within(1e-9));
		assertThat(values.get(day2)).doesNotContainKey(SupplyMetrics.ON_TIME); // nothing received: "—"
		assertThat(metrics.drill(SupplyMetrics.FILL_RATE, region, day1).rows()).hasSize(2);
	}

	@Test
	void deliveryOnTimeAndCostPerCrateComeFromTheRoutesThatLeft() {
		// stops reached: on time, late, skipped (the pending one counts in neither): 1/3; 1200 fen / 12 crates = 100
		assertThat(value(day1, DeliveryMetrics.ON_TIME)).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(value(day1, DeliveryMetrics.COST_PER_CRATE)).isCloseTo(100.0, within(1e-9));
		assertThat(metrics.drill(DeliveryMetrics.COST_PER_CRATE, region, day1).rows()).hasSize(1);
	}

	@Test
	void serviceRatesDivideByPaidOrdersAndDecidedComplaints() {
		// D1: 2 complaints / 4 orders paid on D1 (the one cancelled after its payment was paid: sales.orders counts it);
		// SLA 1 of 2 in time; stars (5+4+3)/3 = 4
		assertThat(value(day1, ServiceMetrics.COMPLAINT_RATE)).isCloseTo(2.0 / 4, within(1e-9));
		assertThat(value(day1, ServiceMetrics.SLA)).isCloseTo(0.5, within(1e-9));
		assertThat(value(day1, ServiceMetrics.SATISFACTION)).isCloseTo(4.0, within(1e-9));
		// D2: no paid order, so no rate ("—"); the open complaint is past due: 0 of 1 in time
		assertThat(values.get(day2)).doesNotContainKey(ServiceMetrics.COMPLAINT_RATE);
		assertThat(value(day2, ServiceMetrics.SLA)).isEqualTo(0.0);
		// week: 3 / 4; 1 of 3 in time
		assertThat(value(week, ServiceMetrics.COMPLAINT_RATE)).isCloseTo(3.0 / 4, within(1e-9));
		assertThat(value(week, ServiceMetrics.SLA)).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(metrics.drill(ServiceMetrics.SATISFACTION, region, day1).rows()).hasSize(3);
	}

	@Test
	void theMonthShowsEachMarginComponentPerDayAndInTotal() {
		var month = operator.get("/api/analytics/economics?regionId=" + data.region + "&month=2025-03");
		assertThat(month.status()).as(month.toString()).isEqualTo(200);
		var days = month.json().get("days");
		assertThat(days.size()).isEqualTo(31);
		var d1 = days.get(9);
		assertThat(d1.get("date").asText()).isEqualTo("2025-03-10");
		// paid 14000 + 6000 + 1500 = 21500 (cancelled left out)
		assertThat(d1.get("paidFen").asLong()).isEqualTo(21500);
		assertThat(d1.get("orders").asLong()).isEqualTo(3);
		// goods: SKU 901 10 x 200 + SKU 902 (20 + 5) x 100 + SKU 903 (6 - 1 short) x 300 = 2000 + 2500 + 1500 = 6000
		// (the cancelled PO's 999 fen is no price)
		assertThat(d1.get("goodsFen").asLong()).isEqualTo(6000);
		// commission 500 + 300 - 50 = 750; delivery: the route that left, 1200; waste 1000; refunds 1000
		assertThat(d1.get("commissionFen").asLong()).isEqualTo(750);
		assertThat(d1.get("deliveryFen").asLong()).isEqualTo(1200);
		assertThat(d1.get("deliverySource").asText()).isEqualTo("ROUTES");
		assertThat(d1.get("wasteFen").asLong()).isEqualTo(1000);
		assertThat(d1.get("refundsFen").asLong()).isEqualTo(1000);
		// 21500 - 6000 - 750 - 1200 - 1000 - 1000 = 11550
		assertThat(d1.get("marginFen").asLong()).isEqualTo(11550);
		// D2: only the 1000 fen written off; no routes and no configured cost per crate
		var d2 = days.get(10);
		assertThat(d2.get("marginFen").asLong()).isEqualTo(-1000);
		assertThat(d2.get("deliverySource").asText()).isEqualTo("NONE");
		// total: 21500 - 6000 - 750 - 1200 - 2000 - 1000 = 10550
		var total = month.json().get("total");
		assertThat(total.get("wasteFen").asLong()).isEqualTo(2000);
		assertThat(total.get("marginFen").asLong()).isEqualTo(10550);
		// a past month closes at its actual figures
		assertThat(month.json().get("forecast").get("closeMarginFen").asLong()).isEqualTo(10550);
		assertThat(month.json().get("forecast").get("restDays").asInt()).isZero();
	}

	@Test
	void anOrdersMarginTakesItsShareOfTheDaysDeliveryAndWaste() {
		// O1: 14000 - goods (10 x 200 + 20 x 100 = 4000) - commission 500 - delivery 1200/3 = 400 - waste 1000/3 = 333
		// - refunds 0 = 8767
		var o1 = operator.get("/api/analytics/economics/orders/" + data.o1);
		assertThat(o1.status()).as(o1.toString()).isEqualTo(200);
		assertThat(o1.json().get("goodsFen").asLong()).isEqualTo(4000);
		assertThat(o1.json().get("commissionFen").asLong()).isEqualTo(500);
		assertThat(o1.json().get("deliveryFen").asLong()).isEqualTo(400);
		assertThat(o1.json().get("wasteFen").asLong()).isEqualTo(333);
		assertThat(o1.json().get("marginFen").asLong()).isEqualTo(8767);
		// O2: 6000 - 5 x 300 - (300 - 50) - 400 - 333 - 1000 = 2517
		var o2 = operator.get("/api/analytics/economics/orders/" + data.o2);
		assertThat(o2.json().get("marginFen").asLong()).isEqualTo(2517);
	}

	@Test
	void theBudgetIsComparedWithActualAndBadInputChangesNothing() {
		String path = "/api/analytics/budgets/" + data.region + "/2025-03";
		var saved = operator.put(path, Map.of("gmvFen", 20000, "marginFen", 10000, "costsFen", 9000));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

		var negative = operator.put(path, Map.of("gmvFen", -1, "marginFen", 1, "costsFen", 1));
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.errorFields()).containsExactly("gmvFen");
		var missing = operator.put(path, Map.of("gmvFen", 1, "costsFen", 1));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errorFields()).containsExactly("marginFen");
		for (String month : List.of("2025-13", "2025-3", "march")) {
			var bad = operator.put("/api/analytics/budgets/" + data.region + "/" + month,
					Map.of("gmvFen", 1, "marginFen", 1, "costsFen", 1));
			assertThat(bad.status()).as(month).isEqualTo(400);
			assertThat(bad.errorFields()).as(month).containsExactly("month");
		}

		var month = operator.get("/api/analytics/economics?regionId=" + data.region + "&month=2025-03").json();
		assertThat(month.get("budget").get("gmvFen").asLong()).isEqualTo(20000);
		assertThat(month.get("budget").get("marginFen").asLong()).isEqualTo(10000);
		// actual vs budget: GMV 21500 - 20000; margin 10550 - 10000; costs (6000 + 750 + 1200 + 2000 = 9950) - 9000
		var versus = month.get("actualVersusBudget");
		assertThat(versus.get("gmvGapFen").asLong()).isEqualTo(1500);
		assertThat(versus.get("marginGapFen").asLong()).isEqualTo(550);
		assertThat(versus.get("costsGapFen").asLong()).isEqualTo(950);
	}

	@Test
	void anotherRegionsOperatorSeesNoneOfIt() {
		var stranger = new NetworkFixtures(Api.at(port).asAdmin()).operatorOf(
				new NetworkFixtures(Api.at(port).asAdmin()).region());
		assertThat(stranger.get("/api/analytics/economics?regionId=" + data.region + "&month=2025-03").status())
			.isEqualTo(403);
		assertThat(stranger.get("/api/analytics/economics/orders/" + data.o1).status()).isEqualTo(403);
		assertThat(stranger.put("/api/analytics/budgets/" + data.region + "/2025-04",
				Map.of("gmvFen", 1, "marginFen", 1, "costsFen", 1)).status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from analytics.budget where region_id = ? and month = date '2025-04-01'")
			.param(data.region).query(Long.class).single()).isZero();
	}

	@Test
	void theEconomicsPageShowsTheMonth() {
		var session = com.linli.ordering.WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		var page = session.get("/console/economics?regionId=" + data.region + "&month=2025-03");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("economics-days").contains("115.50"); // D1's margin, 11550 fen
	}
}
