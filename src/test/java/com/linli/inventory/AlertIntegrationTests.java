package com.linli.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.Sku;
import com.linli.identity.Actor;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingStatus;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.NewListing;
import com.linli.network.Region;
import com.linli.network.Warehouse;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safety stock and alerts through HTTP: sales make a stock-out risk at the central warehouse, a slow seller
 * is overstocked, a batch near its expiry raises an alert with a clearance suggestion; accepting it twice
 * at once publishes one discounted listing; alerts stay unique while open and resolve when the goods go.
 */
@IntegrationTest
class AlertIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StockManagement stock;

	@Autowired
	MovementManagement movements;

	@Autowired
	ApplicationContext context;

	@Autowired
	ListingManagement listings;

	@Autowired
	InventoryEventsRecorder events;

	@Autowired
	Clock clock;

	@Test
	void salesRaiseStockOutRiskAndOverstockAndANearExpiryBatchGetsAClearanceAcceptedOnce() throws Exception {
		// the day's afternoon, whatever the hour of the run: after 23:00 tomorrow's cutoff has passed and the batch
		// two days from expiry could no longer be sold for a day it is still good on
		var platform = (com.linli.shared.PlatformClock) clock;
		platform.travelTo(com.linli.TestClock.today().atTime(15, 0).atZone(com.linli.TestClock.ZONE).toInstant());
		try {
			alertsAndClearance();
		}
		finally {
			platform.reset();
		}
	}

	private void alertsAndClearance() throws Exception {
		var fixtures = new InventoryFixtures(context);
		Region region = fixtures.region();
		Warehouse central = fixtures.central(region);
		Warehouse grid = fixtures.grid(region);
		Sku fast = fixtures.sku("草莓");
		Sku slow = fixtures.sku("榴莲");
		Sku fresh = fixtures.sku("鲜牛奶");
		LocalDate today = LocalDate.now(clock.withZone(region.zone()));
		String ref = "t" + System.nanoTime();
		// fast: 28 sold in the window (2 a day, safety stock 3), 1 left at the central warehouse
		stock.receive(central.id(), fast.id(), 29, "F1", today, ref + ":f", null);
		movements.transfer(central.id(), grid.id(), fast.id(), 28, null, Actor.system("test"));
		movements.sell(grid.id(), fast.id(), 28, null, Actor.system("test"));
		// slow: 14 sold (1 a day), 200 left: 200 days of cover
		stock.receive(central.id(), slow.id(), 214, "S1", today, ref + ":s", null);
		movements.transfer(central.id(), grid.id(), slow.id(), 14, null, Actor.system("test"));
		movements.sell(grid.id(), slow.id(), 14, null, Actor.system("test"));
		// fresh: shelf life 7 days, produced 5 days ago: 2 days left; last listed at 10.00
		stock.receive(central.id(), fresh.id(), 12, "M1", today.minusDays(5), ref + ":m", null);
		listings.publish(Actor.system("test"), new NewListing(region.id(), fresh.id(), Money.ofYuan("10.00"), null, 50, 5, null, null,
				today.plusDays(3)));
		Api operator = MarketingFixtures.operatorOf(Api.at(port), region);

		var recomputed = operator.post("/api/inventory/alerts/recompute", java.util.Map.of());
		assertThat(recomputed.status()).isEqualTo(200);

		JsonNode alerts = operator.get("/api/inventory/alerts?open=true&warehouseId=" + central.id()).json().get("items");
		assertThat(alerts).hasSize(3);
		JsonNode low = find(alerts, "STOCK_OUT_RISK", fast);
		assertThat(low.get("available").asLong()).isEqualTo(1);
		assertThat(low.get("safetyStock").asLong()).isEqualTo(3);
		assertThat(low.get("averageDailySales").decimalValue()).isEqualByComparingTo("2.00");
		JsonNode over = find(alerts, "OVERSTOCK", slow);
		assertThat(over.get("daysOfCover").decimalValue()).isEqualByComparingTo("200.0");
		JsonNode expiring = find(alerts, "NEAR_EXPIRY", fresh);
		assertThat(expiring.get("units").asLong()).isEqualTo(12);
		assertThat(expiring.get("expiresOn").asText()).isEqualTo(today.plusDays(2).toString());
		JsonNode clearance = expiring.get("clearance");
		assertThat(clearance.get("kind").asText()).isEqualTo("DISCOUNT");
		assertThat(clearance.get("discountPercent").asInt()).isEqualTo(30);
		assertThat(clearance.get("priceFen").asLong()).isEqualTo(700);
		assertThat(clearance.get("basePriceFen").asLong()).isEqualTo(1000);
		assertThat(clearance.get("cap").asInt()).isEqualTo(12);
		assertThat(clearance.get("pickupDate").asText()).isEqualTo(today.plusDays(1).toString());
		JsonNode bundle = over.get("clearance");
		assertThat(bundle).as("no listing price for the slow seller: no suggestion").isNull();
		assertThat(events.low(central.id())).hasSize(1);
		assertThat(events.expiring(central.id())).hasSize(1);

		// the same conditions: the same open alerts, nothing new published
		operator.post("/api/inventory/alerts/recompute", java.util.Map.of());
		assertThat(operator.get("/api/inventory/alerts?open=true&warehouseId=" + central.id()).json().get("total").asLong())
			.isEqualTo(3);
		assertThat(events.low(central.id())).hasSize(1);

		// two clicks at once: one listing
		long id = clearance.get("id").asLong();
		List<Callable<Api.Response>> clicks = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			clicks.add(() -> operator.post("/api/inventory/clearances/" + id + "/accept", java.util.Map.of()));
		}
		List<Long> listingIds = new ArrayList<>();
		var pool = Executors.newFixedThreadPool(4);
		for (var f : pool.invokeAll(clicks)) {
			assertThat(f.get().status()).isEqualTo(200);
			listingIds.add(f.get().json().get("listingId").asLong());
		}
		pool.shutdown();
		assertThat(listingIds).containsOnly(listingIds.get(0));
		var published = listings.listingsFor(region.id(), today.plusDays(1)).stream()
			.filter(l -> l.skuId().equals(fresh.id()) && l.status() == ListingStatus.ACTIVE).toList();
		assertThat(published).hasSize(1);
		assertThat(published.get(0).groupPrice()).isEqualTo(Money.ofFen(700));
		assertThat(published.get(0).listPrice()).isEqualTo(Money.ofFen(1000));
		assertThat(published.get(0).stockCap()).isEqualTo(12);

		// the milk is written off: its alert resolves
		movements.damage(central.id(), fresh.id(), 12, null, "过期报损", null, Actor.system("test"));
		operator.post("/api/inventory/alerts/recompute", java.util.Map.of());
		JsonNode after = operator.get("/api/inventory/alerts?open=true&warehouseId=" + central.id()).json().get("items");
		assertThat(after).hasSize(2);
		assertThat(operator.get("/api/inventory/alerts?open=false&warehouseId=" + central.id()).json().get("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void settingsAreValidatedAndChangeTheSafetyStock() {
		Api admin = Api.at(port).asAdmin();
		var bad = admin.put("/api/inventory/settings", java.util.Map.of("salesWindowDays", 0, "safetyDays", 1.5,
				"overstockDays", 30, "nearExpiryDays", 2));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).contains("salesWindowDays");
		var badMonth = admin.put("/api/inventory/settings", java.util.Map.of("salesWindowDays", 14, "safetyDays", 1.5,
				"overstockDays", 30, "nearExpiryDays", 2, "seasonalFactors", java.util.Map.of("13", 1.2)));
		assertThat(badMonth.status()).isEqualTo(400);
		var current = admin.get("/api/inventory/settings").json();
		assertThat(current.get("salesWindowDays").asInt()).isEqualTo(14);
		assertThat(current.at("/seasonalFactors/12").decimalValue()).isEqualByComparingTo("1");
	}

	private static JsonNode find(JsonNode alerts, String kind, Sku sku) {
		for (JsonNode a : alerts) {
			if (a.get("kind").asText().equals(kind) && a.get("skuId").asLong() == sku.id().value()) {
				return a;
			}
		}
		throw new AssertionError(kind + " for " + sku.id() + " not in " + alerts);
	}
}
