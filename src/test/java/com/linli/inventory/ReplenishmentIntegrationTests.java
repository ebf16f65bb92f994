package com.linli.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.Sku;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.Warehouse;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.WebSession;
import com.linli.shared.Money;
import com.linli.supply.SupplyFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh SKU selling 40 a day for eight weeks, forecast by the job; a cutoff drafts a purchase order that is
 * sent (on order), stock arrives at the central warehouse: the purchase suggestion nets exactly what is
 * available and on order, and a stock-out warning is raised while stock is short and resolved once it is ample.
 */
@IntegrationTest
class ReplenishmentIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	StockManagement stock;

	@Autowired
	Clock clock;

	static final long DAILY = 40;

	@Test
	void theSuggestionNetsAvailableAndOnOrderAndWarnsOfAStockOutOnlyWhenStockIsShort() {
		var world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		Api admin = Api.at(port).asAdmin();
		Api operator = day.operator();
		Warehouse central = new InventoryFixtures(context).central(world.region);
		Sku spinach = world.sku("菠菜" + MarketingFixtures.next(), "500g/袋"); // chilled, 7 days: fresh
		long region = world.region.id().value();
		LocalDate today = LocalDate.now(clock.withZone(world.region.zone()));
		for (LocalDate d = today.minusDays(55); !d.isAfter(today); d = d.plusDays(1)) {
			var body = new HashMap<String, Object>();
			body.put("regionId", region);
			body.put("skuId", spinach.id().value());
			body.put("date", d.toString());
			body.put("units", DAILY);
			var r = admin.put("/api/forecasts/demand", body);
			assertThat(r.status()).as(r.toString()).isEqualTo(200);
		}
		runJob(admin, region);
		// nothing in stock and nothing on order: bought to order after the cutoff, no stock-out warning
		assertThat(openWarning(operator, central, spinach)).as("no warning for a SKU bought to order").isNull();
		String path = "/api/forecasts/regions/" + region + "/skus/" + spinach.id().value() + "/purchase-suggestion";

		// nothing in stock, nothing ordered: the whole order-up-to is to buy
		JsonNode bare = operator.get(path).json();
		assertThat(bare.get("policy").asText()).isEqualTo("FRESH_NEWSVENDOR");
		assertThat(bare.get("warehouseId").asLong()).isEqualTo(central.id().value());
		assertThat(bare.get("forecastMean").asDouble()).isGreaterThan(0);
		assertThat(bare.get("available").asLong()).isZero();
		assertThat(bare.get("onOrder").asLong()).isZero();
		assertThat(bare.get("suggestedUnits").asLong()).isEqualTo(bare.get("orderUpTo").asLong()).isPositive();

		// residents order 4 at 5.00; the cutoff drafts a purchase order of 4 from a supplier at 3.00, sent to them
		var listing = world.listing(spinach, "5.00", 100, 10);
		var supply = new SupplyFixtures(operator, port);
		long supplier = supply.supplier("菠菜基地", "PREFERRED", today.plusYears(1));
		supply.offer(supplier, spinach, 300, 1);
		day.paidOrder(world.resident(), listing, 4);
		long runId = day.cutoff(operator).get("id").asLong();
		JsonNode po = supply.awaitPurchaseOrders(runId, 1).get(0);
		long ordered = SupplyFixtures.line(po, spinach).get("ordered").asLong();
		assertThat(ordered).isEqualTo(4);
		var sent = operator.post("/api/purchase-orders/" + po.get("id").asLong() + "/send", Map.of());
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		// 20 received at the central warehouse at 3.00 a unit
		stock.receive(central.id(), spinach.id(), 20, "B-" + MarketingFixtures.next(), today,
				"replenish-test:" + spinach.id(), null, Money.ofFen(300));
		long available = operator.get("/api/inventory/warehouses/" + central.id().value() + "/stock/"
				+ spinach.id().value()).json().get("available").asLong();

		JsonNode netted = operator.get(path).json();
		assertThat(netted.get("available").asLong()).isEqualTo(available).isEqualTo(20);
		assertThat(netted.get("onOrder").asLong()).isEqualTo(ordered);
		assertThat(netted.get("priceFen").asLong()).isEqualTo(500);
		assertThat(netted.get("unitCostFen").asLong()).isEqualTo(300);
		// a week of shelf life: a leftover sells in the days after, so the ratio is high; demand has been 40 every
		// day, so the forecast's errors on the validation folds were 0 and the order-up-to is (at least) 40
		assertThat(netted.get("criticalRatio").asDouble()).isGreaterThan(0.9);
		long upTo = netted.get("orderUpTo").asLong();
		assertThat(upTo).isGreaterThanOrEqualTo(DAILY);
		assertThat(netted.get("suggestedUnits").asLong()).isEqualTo(upTo - 20 - ordered);
		assertThat(netted.get("reasoning").size()).isGreaterThanOrEqualTo(3);

		// the forecast page has the slot for the chosen SKU; the fragment shows the same figures
		var console = WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		var page = console.get("/console/forecasts?regionId=" + region + "&skuId=" + spinach.id().value());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"forecast-purchase\"").contains("/console/forecasts/purchase?regionId=" + region);
		var fragment = console.get("/console/forecasts/purchase?regionId=" + region + "&skuId=" + spinach.id().value());
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).contains("<td class=\"num available\">20</td>")
			.contains("<td class=\"num on-order\">" + ordered + "</td>")
			.contains("<strong>" + (upTo - 20 - ordered) + "</strong>")
			.contains("purchase-reasoning");

		// short: 24 available and on order against the 0.95 quantile of tomorrow (40 or more): a warning
		String warnings = "/api/forecasts/regions/" + region + "/stockout-warnings";
		var raised = operator.post(warnings, Map.of());
		assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
		assertThat(raised.json().get("raised").asInt()).isEqualTo(1);
		JsonNode warning = openWarning(operator, central, spinach);
		assertThat(warning).as("an open STOCKOUT_AHEAD alert").isNotNull();
		assertThat(warning.get("available").asLong()).isEqualTo(20 + ordered);
		assertThat(warning.get("safetyStock").asLong()).isGreaterThanOrEqualTo(DAILY);
		assertThat(warning.get("units").asLong()).isEqualTo(warning.get("safetyStock").asLong() - 24);

		// the hourly recomputation of the safety-stock alerts leaves the forecast's warning alone
		assertThat(operator.post("/api/inventory/alerts/recompute", Map.of()).status()).isEqualTo(200);
		assertThat(openWarning(operator, central, spinach)).isNotNull();

		// ample: 200 more arrive; the warning is resolved and no new one raised; nothing to buy
		stock.receive(central.id(), spinach.id(), 200, "B-" + MarketingFixtures.next(), today,
				"replenish-test-2:" + spinach.id(), null, Money.ofFen(300));
		var again = operator.post(warnings, Map.of()).json();
		assertThat(again.get("raised").asInt()).isZero();
		assertThat(again.get("resolved").asInt()).isEqualTo(1);
		assertThat(openWarning(operator, central, spinach)).isNull();
		JsonNode ample = operator.get(path).json();
		assertThat(ample.get("available").asLong()).isEqualTo(220);
		assertThat(ample.get("suggestedUnits").asLong()).isZero();
	}

	static JsonNode openWarning(Api staff, Warehouse central, Sku sku) {
		for (JsonNode a : staff.get("/api/inventory/alerts?open=true&kind=STOCKOUT_AHEAD&warehouseId="
				+ central.id().value()).json().get("items")) {
			if (a.get("skuId").asLong() == sku.id().value()) {
				return a;
			}
		}
		return null;
	}

	static void runJob(Api staff, long region) {
		awaitJob(staff);
		var started = staff.post("/api/forecasts/runs?regionId=" + region, "{}");
		if (started.status() == 409) {
			awaitJob(staff);
			started = staff.post("/api/forecasts/runs?regionId=" + region, "{}");
		}
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		assertThat(awaitJob(staff).get("percent").asInt()).isEqualTo(100);
	}

	static JsonNode awaitJob(Api staff) {
		return ForecastRuns.await(staff);
	}
}
