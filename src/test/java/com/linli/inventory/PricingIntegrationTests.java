package com.linli.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.Sku;
import com.linli.identity.Actor;
import com.linli.inventory.internal.forecast.ForecastJob;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.NewListing;
import com.linli.network.NewWarehouse;
import com.linli.network.Region;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Price suggestions through HTTP: an overstocked listing whose batch expires in two pickup days gets a discount
 * that sells the excess before expiry; accepting it puts a listing discount on through marketing, once; a listing
 * short of stock while competitors sell higher gets a modest raise; another region's operator reaches nothing.
 */
@IntegrationTest
class PricingIntegrationTests {

	static final Actor PLATFORM = Actor.system("pricing-test");

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ForecastManagement forecasts;

	@Autowired
	ForecastJob job;

	@Autowired
	StockManagement stock;

	@Autowired
	ListingManagement listings;

	@Autowired
	WarehouseManagement warehouses;

	@Autowired
	Clock clock;

	/** Eight weeks of 10 a day, every fifth day a promotion that sold 15: a lift of 1.5. */
	void history(Region region, Sku sku, LocalDate today) {
		for (int d = 56; d >= 1; d--) {
			boolean promoted = d % 5 == 0;
			forecasts.recordDemand(region.id(), sku.id(), today.minusDays(d), promoted ? 15L : 10L, promoted, PLATFORM);
		}
	}

	Map<String, Object> competitorPrice(Region region, Sku sku, long fen, LocalDate day) {
		Map<String, Object> body = new HashMap<>();
		body.put("regionId", region.id().value());
		body.put("skuId", sku.id().value());
		body.put("competitor", "美团优选");
		body.put("priceFen", fen);
		body.put("observedOn", day.toString());
		return body;
	}

	JsonNode suggestionFor(JsonNode list, Listing listing) {
		for (JsonNode s : list) {
			if (s.get("listingId").asLong() == listing.id().value()) {
				return s;
			}
		}
		throw new AssertionError("no suggestion for listing " + listing.id() + " in " + list);
	}

	@Test
	void anExpiringExcessGetsADiscountThatMarketingAppliesOnceAndShortStockAModestRaise() {
		var fixtures = new MarketingFixtures(context);
		Region region = fixtures.region();
		var category = fixtures.category("蔬菜", 1);
		Sku greens = fixtures.sku(category, "菠菜", "500g/袋");
		Sku eggs = fixtures.sku(category, "土鸡蛋", "10枚/盒");
		var central = warehouses.createWarehouse(PLATFORM, new NewWarehouse(region.id(), WarehouseKind.CENTRAL,
				"中心仓" + MarketingFixtures.next(), "物流园 1 号", 30.5, 114.3));
		LocalDate today = LocalDate.now(clock.withZone(ZONE));
		// the first pickup day still on sale: tomorrow, unless tomorrow's cutoff (23:00 today) has passed
		LocalDate first = listings.defaultCutoff(region.id(), today.plusDays(1)).isAfter(clock.instant())
				? today.plusDays(1) : today.plusDays(2);
		history(region, greens, today);
		history(region, eggs, today);
		job.forecastAsOf(region.id(), today);
		// 30 units of greens good for two more pickup days (7 days of shelf life), bought at 8.00; 10 sell a day
		stock.receive(new WarehouseId(central.id().value()), greens.id(), 30, "G-1", first.minusDays(5),
				"pricing-test:" + MarketingFixtures.next(), null, Money.ofYuan("8.00"));
		// 5 eggs without an expiry date: half a day of cover
		stock.receive(new WarehouseId(central.id().value()), eggs.id(), 5, "E-1", null,
				"pricing-test:" + MarketingFixtures.next(), null, Money.ofYuan("8.00"));
		Listing greensListing = listings.publish(PLATFORM, new NewListing(region.id(), greens.id(), Money.ofYuan("20.00"),
				Money.ofYuan("20.00"), 100, 10, null, null, first));
		Listing eggsListing = listings.publish(PLATFORM, new NewListing(region.id(), eggs.id(), Money.ofYuan("20.00"),
				Money.ofYuan("24.00"), 100, 10, null, null, first));
		String phone = Api.newPhone();
		var created = Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", phone, "displayName", "定价运营",
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { region.id().value() }));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Api operator = Api.at(port).as(phone, "secret123");

		// competitor prices: validated, then recorded
		var blank = competitorPrice(region, eggs, 2500, today);
		blank.put("competitor", " ");
		var refused = operator.post("/api/pricing/competitor-prices", blank);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.text()).contains("competitor");
		var ahead = operator.post("/api/pricing/competitor-prices", competitorPrice(region, eggs, 2500, today.plusDays(1)));
		assertThat(ahead.status()).as(ahead.toString()).isEqualTo(400);
		assertThat(ahead.text()).contains("observedOn");
		var recorded = operator.post("/api/pricing/competitor-prices", competitorPrice(region, eggs, 2500, today));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		assertThat(operator.post("/api/pricing/competitor-prices", competitorPrice(region, greens, 1800, today)).status())
			.isEqualTo(201);
		assertThat(operator.get("/api/pricing/regions/" + region.id().value() + "/competitor-prices").json()).hasSize(2);

		var computed = operator.post("/api/pricing/regions/" + region.id().value() + "/price-suggestions", Map.of());
		assertThat(computed.status()).as(computed.toString()).isEqualTo(200);
		JsonNode discount = suggestionFor(computed.json(), greensListing);
		assertThat(discount.get("kind").asText()).isEqualTo("DISCOUNT");
		assertThat(discount.get("reason").asText()).isEqualTo("EXPIRY");
		assertThat(discount.get("available").asLong()).isEqualTo(30);
		assertThat(discount.get("shelfDays").asInt()).isEqualTo(2);
		assertThat(discount.get("unitCostFen").asLong()).isEqualTo(800);
		assertThat(discount.get("elasticitySource").asText()).isEqualTo("MEASURED");
		// lift 1.5 at the promotion threshold's depth 0.7 (no listing of those days is known): ε = ln 1.5 / ln 0.7
		assertThat(discount.get("promotionLift").asDouble()).isEqualTo(1.5);
		assertThat(discount.get("elasticity").asDouble()).isEqualTo(-1.1368);
		// about 10 a day sell 20 of the 30 in two days; clearing 15 a day needs about 20.00 x 0.7 = 14.00
		double daily = discount.get("dailyDemand").asDouble();
		assertThat(daily).isBetween(8.0, 12.0);
		assertThat(discount.get("wasteNow").asDouble()).isGreaterThan(5);
		assertThat(discount.get("wasteNew").asDouble()).isLessThan(0.01);
		long price = discount.get("suggestedPriceFen").asLong();
		assertThat(price).isBetween(1200L, 1600L).isGreaterThanOrEqualTo(800);
		assertThat(price % 10).isZero();
		assertThat(discount.get("marginNewFen").asLong()).isGreaterThan(discount.get("marginNowFen").asLong());
		JsonNode raise = suggestionFor(computed.json(), eggsListing);
		assertThat(raise.get("kind").asText()).isEqualTo("RAISE");
		assertThat(raise.get("reason").asText()).isEqualTo("SHORT_COVER");
		assertThat(raise.get("suggestedPriceFen").asLong()).isEqualTo(2100);
		assertThat(raise.get("competitorLowFen").asLong()).isEqualTo(2500);

		// another region's operator reaches none of it
		Api stranger = MarketingFixtures.operatorOf(Api.at(port), fixtures.region());
		long discountId = discount.get("id").asLong();
		assertThat(stranger.post("/api/pricing/price-suggestions/" + discountId + "/accept", Map.of()).status()).isIn(403, 404);
		assertThat(stranger.get("/api/pricing/regions/" + region.id().value() + "/price-suggestions").status()).isEqualTo(403);
		assertThat(stranger.delete("/api/pricing/competitor-prices/" + recorded.id()).status()).isIn(403, 404);

		// accepted: a listing discount at the suggested price, read back through marketing's API
		var accepted = operator.post("/api/pricing/price-suggestions/" + discountId + "/accept", Map.of());
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
		long listingDiscount = accepted.json().get("discountId").asLong();
		JsonNode onListing = null;
		for (JsonNode d : operator.get("/api/admin/marketing/listing-discounts?regionId=" + region.id().value()).json()) {
			if (d.get("listingId").asLong() == greensListing.id().value()) {
				assertThat(onListing).as("one discount on the listing").isNull();
				onListing = d;
			}
		}
		assertThat(onListing).isNotNull();
		assertThat(onListing.get("id").asLong()).isEqualTo(listingDiscount);
		assertThat(onListing.get("priceFen").asLong()).isEqualTo(price);
		// accepting twice does not discount twice
		var again = operator.post("/api/pricing/price-suggestions/" + discountId + "/accept", Map.of());
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		long discounts = 0;
		for (JsonNode d : operator.get("/api/admin/marketing/listing-discounts?regionId=" + region.id().value()).json()) {
			discounts += d.get("listingId").asLong() == greensListing.id().value() ? 1 : 0;
		}
		assertThat(discounts).isEqualTo(1);

		// the raise becomes the listing's group price
		var raised = operator.post("/api/pricing/price-suggestions/" + raise.get("id").asLong() + "/accept", Map.of());
		assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
		assertThat(listings.get(eggsListing.id()).groupPrice()).isEqualTo(Money.ofFen(2100));
		assertThat(operator.post("/api/pricing/price-suggestions/" + raise.get("id").asLong() + "/dismiss", Map.of()).status())
			.isEqualTo(409);

		// the report: nothing sold yet at the new prices, the waste expected at the old price, none expired yet
		JsonNode report = operator.get("/api/pricing/regions/" + region.id().value() + "/report").json();
		assertThat(report).hasSize(2);
		for (JsonNode o : report) {
			assertThat(o.get("unitsSold").asLong()).isZero();
			if (o.get("suggestion").get("id").asLong() == discountId) {
				assertThat(o.get("wasteExpected").asDouble()).isEqualTo(discount.get("wasteNow").asDouble());
				assertThat(o.get("wasted").asLong()).isZero();
				assertThat(o.get("wasteFinal").asBoolean()).isFalse();
			}
		}
		// the console page shows the report with the new prices
		var page = com.linli.ordering.WebSession.signIn(port, phone, "secret123")
			.get("/console/pricing?regionId=" + region.id().value());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("pricing-report", "¥20.00 → ¥" + Money.ofFen(price).yuan().toPlainString(),
				"¥21.00", "美团优选");
	}

	@Test
	void theDemoHookRecordsCompetitorPricesAndComputesSuggestions() {
		var fixtures = new MarketingFixtures(context);
		Region region = fixtures.region();
		Sku greens = fixtures.sku(fixtures.category("蔬菜", 1), "油麦菜", "500g/袋");
		warehouses.createWarehouse(PLATFORM, new NewWarehouse(region.id(), WarehouseKind.CENTRAL,
				"中心仓" + MarketingFixtures.next(), "物流园 2 号", 30.5, 114.3));
		LocalDate today = LocalDate.now(clock.withZone(ZONE));
		LocalDate first = listings.defaultCutoff(region.id(), today.plusDays(1)).isAfter(clock.instant())
				? today.plusDays(1) : today.plusDays(2);
		history(region, greens, today);
		job.forecastAsOf(region.id(), today);
		listings.publish(PLATFORM, new NewListing(region.id(), greens.id(), Money.ofYuan("20.00"), null, 100, 10, null,
				null, first));
		var city = new com.linli.demo.LoadedCity(java.util.List.of(region.id()), null, 0, 0, 1, 1, first,
				java.time.Duration.ZERO);
		int made = context.getBean(com.linli.demo.internal.PricingDemo.class).seed(city);
		// the surplus batch (four days' demand, good for two pickup days) asks for a discount
		assertThat(made).isEqualTo(1);
		var open = context.getBean(PriceSuggestionManagement.class).list(region.id(), null, PLATFORM);
		assertThat(open).singleElement().satisfies(s -> {
			assertThat(s.kind()).isEqualTo(PriceSuggestion.Kind.DISCOUNT);
			assertThat(s.competitorLow()).isEqualTo(Money.ofFen(1640));
		});
		assertThat(context.getBean(CompetitorPriceManagement.class).list(region.id(), PLATFORM)).hasSize(1);
	}
}
