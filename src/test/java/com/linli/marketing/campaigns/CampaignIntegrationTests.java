package com.linli.marketing.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.catalog.Category;
import com.linli.catalog.Sku;
import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingId;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.OrderPromotions;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.PriceEngine;
import com.linli.marketing.PriceQuote;
import com.linli.marketing.PriceRequest;
import com.linli.network.PickupPoint;
import com.linli.network.Region;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns through HTTP as an operator runs them, the price engine quoting their promotions, and the order
 * hooks (as ordering calls them, inside the order's transaction) moving the budget and the report.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignIntegrationTests {

	/** Order ids of this test class: far from ordering's own sequence. */
	static final AtomicLong ORDER_IDS = new AtomicLong(8_000_000_000L + System.nanoTime() % 1_000_000_000L);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	PriceEngine engine;

	@Autowired
	OrderPromotions promotions;

	@Autowired
	TransactionTemplate transactions;

	MarketingFixtures fixtures;

	Category fruit;

	Category vegetables;

	@BeforeAll
	void setUp() {
		fixtures = new MarketingFixtures(context);
		fruit = fixtures.category("水果", 1);
		vegetables = fixtures.category("蔬菜", 2);
	}

	/** A region with a pickup point, its operator and two open listings (fruit 35.00, vegetables 20.00). */
	class World {

		final Region region = fixtures.region();

		final PickupPoint point = fixtures.pickupPoint(region, "测试小区" + MarketingFixtures.next(), 30.5, 114.3);

		final Api operator = MarketingFixtures.operatorOf(Api.at(port), region);

		final Sku apples = fixtures.sku(fruit, "阿克苏苹果", "5斤装");

		final Sku cabbage = fixtures.sku(vegetables, "大白菜", "1颗");

		final long fruitListing = listing(apples, 3500);

		final long vegetableListing = listing(cabbage, 2000);

		long listing(Sku sku, long priceFen) {
			var body = new HashMap<String, Object>();
			body.put("regionId", region.id().value());
			body.put("skuId", sku.id().value());
			body.put("groupPriceFen", priceFen);
			body.put("stockCap", 500);
			body.put("perResidentLimit", 20);
			body.put("pickupDate", TestClock.today().plusDays(2).toString());
			var r = operator.post("/api/listings", body);
			assertThat(r.status()).as(r.toString()).isEqualTo(201);
			return r.id();
		}

		/** A running 双12 campaign in its peak (started 8 days ago) with the budget and a 满39减5 / 满69减12. */
		long runningCampaign(long budgetFen) {
			var created = operator.post("/api/admin/marketing/campaigns", Map.of("regionId", region.id().value(), "name",
					"双12 年终大促" + MarketingFixtures.next(), "festival", "DOUBLE_TWELVE", "startsOn",
					TestClock.today().minusDays(8).toString(), "budgetFen", budgetFen));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			assertThat(created.json().get("status").asText()).isEqualTo("DRAFT");
			assertThat(created.json().get("phase").asText()).isEqualTo("PEAK");
			long id = created.id();
			assertThat(operator.post("/api/admin/marketing/campaigns/" + id + "/schedule", Map.of()).status()).isEqualTo(200);
			// the campaign clock may have started it already (it moves scheduled campaigns every minute)
			operator.post("/api/admin/marketing/campaigns/" + id + "/start", Map.of());
			assertThat(campaign(id).get("status").asText()).isEqualTo("RUNNING");
			var reduction = operator.post("/api/admin/marketing/reductions", Map.of("campaignId", id, "name", "满减",
					"tiers", List.of(Map.of("thresholdFen", 3900, "amountFen", 500), Map.of("thresholdFen", 6900, "amountFen", 1200))));
			assertThat(reduction.status()).as(reduction.toString()).isEqualTo(201);
			return id;
		}

		PriceQuote quote(AccountId resident, long listing, int quantity) {
			Sku sku = listing == fruitListing ? apples : cabbage;
			var category = listing == fruitListing ? fruit.id() : vegetables.id();
			long price = listing == fruitListing ? 3500 : 2000;
			return engine.quote(PriceRequest.of(resident, region.id(), point.id(),
					List.of(new PriceRequest.Line(new ListingId(listing), sku.id(), category, Money.ofFen(price), quantity))));
		}

		/** Ordering placing an order at the quote: the hooks run in the order's transaction. */
		long place(AccountId resident, PriceQuote quote, PriceRequest request) {
			long orderId = ORDER_IDS.incrementAndGet();
			transactions.executeWithoutResult(tx -> promotions.placed(new PlacedOrder(orderId, resident, region.id(), point.id(),
					request, quote, Map.of(), TestClock.now())));
			return orderId;
		}

		long place(AccountId resident, long listing, int quantity) {
			PriceQuote quote = quote(resident, listing, quantity);
			Sku sku = listing == fruitListing ? apples : cabbage;
			var request = PriceRequest.of(resident, region.id(), point.id(), List.of(new PriceRequest.Line(new ListingId(listing),
					sku.id(), listing == fruitListing ? fruit.id() : vegetables.id(), quote.lines().get(0).unitPrice(), quantity)));
			return place(resident, quote, request);
		}

		void paid(long orderId, AccountId resident, Money paid) {
			transactions.executeWithoutResult(tx -> promotions.paid(orderId, resident, region.id(), paid, TestClock.now()));
		}

		void cancelled(long orderId, AccountId resident) {
			transactions.executeWithoutResult(tx -> promotions.cancelled(orderId, resident, TestClock.now()));
		}

		JsonNode campaign(long id) {
			return operator.get("/api/admin/marketing/campaigns/" + id).json();
		}

		JsonNode report(long id) {
			var r = operator.get("/api/admin/marketing/campaigns/" + id + "/report");
			assertThat(r.status()).as(r.toString()).isEqualTo(200);
			return r.json();
		}
	}

	AccountId resident() {
		return new AccountId(Api.at(port).newResident().get("/api/me").json().get("id").asLong());
	}

	@Test
	void aCampaignsFullReductionIsQuotedAndItsOrdersMoveTheBudgetAndTheReport() {
		var w = new World();
		long campaign = w.runningCampaign(100_000);
		AccountId resident = resident();

		PriceQuote quote = w.quote(resident, w.fruitListing, 2); // 70.00
		assertThat(quote.total(DiscountKind.FULL_REDUCTION)).isEqualTo(Money.ofFen(1200));
		assertThat(quote.payable()).isEqualTo(Money.ofFen(5800));
		assertThat(quote.deductions()).singleElement().satisfies(d -> {
			assertThat(d.reference()).startsWith("campaign:" + campaign + "/reduction:");
			assertThat(d.label().args()).containsExactly("69", "12");
		});

		long order = w.place(resident, w.fruitListing, 2);
		assertThat(w.campaign(campaign).get("spentFen").asLong()).isEqualTo(1200);
		w.place(resident, w.fruitListing, 2); // placed twice by a retry? no: another order, another 12.00
		assertThat(w.campaign(campaign).get("spentFen").asLong()).isEqualTo(2400);

		w.paid(order, resident, Money.ofFen(5800));
		w.paid(order, resident, Money.ofFen(5800)); // applied once
		var report = w.report(campaign);
		JsonNode total = report.get("total");
		assertThat(total.get("orders").asLong()).isEqualTo(1);
		assertThat(total.get("gmvFen").asLong()).isEqualTo(5800);
		assertThat(total.get("newResidents").asLong()).isEqualTo(1);
		assertThat(total.get("discountCostFen").asLong()).isEqualTo(1200);
		assertThat(total.get("roi").decimalValue()).isEqualByComparingTo("4.83");
		assertThat(report.get("days")).hasSize(1);
		assertThat(report.get("days").get(0).get("day").asText()).isEqualTo(TestClock.today().toString());

		w.cancelled(order, resident);
		w.cancelled(order, resident); // applied once
		assertThat(w.campaign(campaign).get("spentFen").asLong()).isEqualTo(1200);
		assertThat(w.report(campaign).get("total").get("orders").asLong()).isZero();
	}

	@Test
	void aRetriedPlacementConsumesTheBudgetOnce() {
		var w = new World();
		long campaign = w.runningCampaign(100_000);
		AccountId resident = resident();
		PriceQuote quote = w.quote(resident, w.fruitListing, 2);
		var request = PriceRequest.of(resident, w.region.id(), w.point.id(), List.of(new PriceRequest.Line(
				new ListingId(w.fruitListing), w.apples.id(), fruit.id(), Money.ofFen(3500), 2)));
		long orderId = ORDER_IDS.incrementAndGet();
		for (int i = 0; i < 2; i++) {
			transactions.executeWithoutResult(tx -> promotions.placed(new PlacedOrder(orderId, resident, w.region.id(),
					w.point.id(), request, quote, Map.of(), TestClock.now())));
		}
		assertThat(w.campaign(campaign).get("spentFen").asLong()).isEqualTo(1200);
	}

	@Test
	void aSpentBudgetRefusesTheOrderAndStopsTheDiscount() {
		var w = new World();
		long campaign = w.runningCampaign(2_000);
		AccountId first = resident();
		AccountId second = resident();
		w.place(first, w.fruitListing, 2); // 12.00 of 20.00

		// a quote made before the budget moved still carries 12.00 of the campaign: placing it is refused
		PriceQuote stale = new PriceQuote(List.of(), List.of(new PriceQuote.Deduction(DiscountKind.FULL_REDUCTION,
				"campaign:" + campaign + "/reduction:1", com.linli.shared.Text.of("marketing.campaigns.discountLabel"),
				Money.ofFen(1200))), List.of(), Money.ofFen(7000), Money.ofFen(1200), Money.ofFen(5800), null, 0);
		assertThatThrownBy(() -> w.place(second, stale, null)).isInstanceOfSatisfying(BusinessRuleException.class,
				e -> assertThat(e.code()).isEqualTo("campaign-budget-spent"));
		assertThat(w.campaign(campaign).get("spentFen").asLong()).isEqualTo(1200);

		// the cache learnt the campaign cannot give 12.00 any more: the next quote carries no campaign discount
		PriceQuote next = w.quote(second, w.fruitListing, 2);
		assertThat(next.total(DiscountKind.FULL_REDUCTION)).isEqualTo(Money.ZERO);
		// a smaller deduction still fits what is left (8.00): 2 × 20.00 reaches 满39减5
		assertThat(w.quote(second, w.vegetableListing, 2).total(DiscountKind.FULL_REDUCTION)).isEqualTo(Money.ofFen(500));
	}

	@Test
	void aListingDiscountBeforeTheReductionLowersTheThresholdBase() {
		var w = new World();
		long campaign = w.runningCampaign(100_000);
		var discount = w.operator.post("/api/admin/marketing/listing-discounts",
				Map.of("listingId", w.fruitListing, "campaignId", campaign, "priceFen", 3000));
		assertThat(discount.status()).as(discount.toString()).isEqualTo(201);
		PriceQuote quote = w.quote(resident(), w.fruitListing, 2); // 2 × 30.00 = 60.00: 满39减5
		assertThat(quote.total(DiscountKind.LISTING_DISCOUNT)).isEqualTo(Money.ofFen(1000));
		assertThat(quote.total(DiscountKind.FULL_REDUCTION)).isEqualTo(Money.ofFen(500));
		assertThat(quote.payable()).isEqualTo(Money.ofFen(5500));
		assertThat(w.campaign(campaign).get("discounts")).hasSize(1);
	}

	@Test
	void anEndedCampaignGivesNothing() {
		var w = new World();
		long campaign = w.runningCampaign(100_000);
		assertThat(w.operator.post("/api/admin/marketing/campaigns/" + campaign + "/end", Map.of()).json().get("status").asText())
			.isEqualTo("ENDED");
		assertThat(w.quote(resident(), w.fruitListing, 2).deductions()).isEmpty();
		var again = w.operator.post("/api/admin/marketing/campaigns/" + campaign + "/end", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("campaign-illegal-transition");
	}

	@Test
	void aCategoryReductionOutsideACampaignCoversOnlyItsCategory() {
		var w = new World();
		var r = w.operator.post("/api/admin/marketing/reductions", Map.of("regionId", w.region.id().value(), "categoryId",
				vegetables.id().value(), "name", "蔬菜满减", "endsAt", TestClock.now().plusSeconds(3600).toString(), "tiers",
				List.of(Map.of("thresholdFen", 3900, "amountFen", 600))));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		assertThat(w.quote(resident(), w.vegetableListing, 2).total(DiscountKind.FULL_REDUCTION)).isEqualTo(Money.ofFen(600));
		assertThat(w.quote(resident(), w.fruitListing, 2).total(DiscountKind.FULL_REDUCTION)).isEqualTo(Money.ZERO);
	}

	@Test
	void badInputIsA400NamingTheFieldAndChangesNothing() {
		var w = new World();
		Map<String, Object> good = Map.of("regionId", w.region.id().value(), "name", "中秋", "festival", "MID_AUTUMN", "startsOn",
				TestClock.today().plusDays(3).toString(), "budgetFen", 100_000);
		Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
		cases.put("budgetFen", with(good, "budgetFen", 0));
		cases.put("peakDays", with(good, "peakDays", 0));
		cases.put("festival", with(good, "festival", null));
		cases.put("name", with(good, "name", " "));
		cases.put("startsOn", with(good, "startsOn", TestClock.today().minusDays(40).toString()));
		for (var c : cases.entrySet()) {
			var response = w.operator.post("/api/admin/marketing/campaigns", c.getValue());
			assertThat(response.status()).as(c.getKey() + ": " + response).isEqualTo(400);
			assertThat(response.errorFields()).as(c.getKey()).containsExactly(c.getKey());
		}
		assertThat(w.operator.get("/api/admin/marketing/campaigns?regionId=" + w.region.id().value()).json()).isEmpty();

		var badTiers = w.operator.post("/api/admin/marketing/reductions", Map.of("regionId", w.region.id().value(), "name", "x",
				"endsAt", TestClock.now().plusSeconds(3600).toString(), "tiers",
				List.of(Map.of("thresholdFen", 3900, "amountFen", 3900))));
		assertThat(badTiers.status()).isEqualTo(400);
		assertThat(badTiers.errorFields()).containsExactly("tiers");
		var downTiers = w.operator.post("/api/admin/marketing/reductions", Map.of("regionId", w.region.id().value(), "name", "x",
				"endsAt", TestClock.now().plusSeconds(3600).toString(), "tiers",
				List.of(Map.of("thresholdFen", 3900, "amountFen", 800), Map.of("thresholdFen", 6900, "amountFen", 500))));
		assertThat(downTiers.errorFields()).containsExactly("tiers");
		var dearer = w.operator.post("/api/admin/marketing/listing-discounts", Map.of("listingId", w.fruitListing, "priceFen", 3500));
		assertThat(dearer.status()).isEqualTo(400);
		assertThat(dearer.errorFields()).containsExactly("priceFen");
		assertThat(w.operator.get("/api/admin/marketing/reductions?regionId=" + w.region.id().value()).json()).isEmpty();
	}

	@Test
	void anOperatorOfAnotherRegionCannotSeeOrChangeTheCampaign() {
		var w = new World();
		long campaign = w.runningCampaign(100_000);
		var stranger = MarketingFixtures.operatorOf(Api.at(port), fixtures.region());
		assertThat(stranger.get("/api/admin/marketing/campaigns/" + campaign).status()).isEqualTo(403);
		assertThat(stranger.get("/api/admin/marketing/campaigns/" + campaign + "/report").status()).isEqualTo(403);
		assertThat(stranger.post("/api/admin/marketing/campaigns/" + campaign + "/end", Map.of()).status()).isEqualTo(403);
		assertThat(stranger.post("/api/admin/marketing/reductions", Map.of("campaignId", campaign, "name", "x", "tiers",
				List.of(Map.of("thresholdFen", 3900, "amountFen", 500)))).status()).isEqualTo(403);
		assertThat(w.campaign(campaign).get("status").asText()).isEqualTo("RUNNING");
	}

	@Test
	void residentsSeeTheRunningCampaignWithItsPhaseAndReductions() {
		var w = new World();
		long campaign = w.runningCampaign(100_000);
		var running = Api.at(port).newResident().get("/api/marketing/campaigns/running?regionId=" + w.region.id().value());
		assertThat(running.status()).as(running.toString()).isEqualTo(200);
		assertThat(running.json()).singleElement().satisfies(c -> {
			assertThat(c.get("id").asLong()).isEqualTo(campaign);
			assertThat(c.get("phase").asText()).isEqualTo("PEAK");
			assertThat(c.get("reductions").get(0).asText()).isEqualTo("满39减5 / 满69减12");
		});
	}

	static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		var copy = new HashMap<>(body);
		copy.put(key, value);
		return copy;
	}
}
