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
import com.linli.marketing.OfferManagement;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** New-resident and 1-yuan offers and gifts: created through HTTP, quoted by the engine, enforced by the order hooks. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferIntegrationTests {

	static final AtomicLong ORDER_IDS = new AtomicLong(7_000_000_000L + System.nanoTime() % 1_000_000_000L);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	PriceEngine engine;

	@Autowired
	OrderPromotions promotions;

	@Autowired
	OfferManagement offers;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	MarketingFixtures fixtures;

	Category fruit;

	Region region;

	PickupPoint point;

	Api operator;

	@BeforeAll
	void setUp() {
		fixtures = new MarketingFixtures(context);
		fruit = fixtures.category("水果", 1);
		region = fixtures.region();
		point = fixtures.pickupPoint(region, "测试小区" + MarketingFixtures.next(), 30.5, 114.3);
		operator = MarketingFixtures.operatorOf(Api.at(port), region);
	}

	/** A fresh open listing at 19.90 (each test its own, so one test's offers do not meet another's). */
	record Item(Sku sku, long listing) {
	}

	Item item() {
		Sku sku = fixtures.sku(fruit, "砂糖橘", "3斤装");
		var body = new HashMap<String, Object>();
		body.put("regionId", region.id().value());
		body.put("skuId", sku.id().value());
		body.put("groupPriceFen", 1990);
		body.put("stockCap", 500);
		body.put("perResidentLimit", 20);
		body.put("pickupDate", TestClock.today().plusDays(2).toString());
		var r = operator.post("/api/listings", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return new Item(sku, r.id());
	}

	long offer(Item item, String kind, String audience, long priceFen) {
		var body = new HashMap<String, Object>(Map.of("listingId", item.listing(), "kind", kind, "priceFen", priceFen));
		if (audience != null) {
			body.put("audience", audience);
		}
		var r = operator.post("/api/admin/marketing/offers", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.id();
	}

	PriceRequest request(AccountId resident, Item item, int quantity) {
		return PriceRequest.of(resident, region.id(), point.id(), List.of(new PriceRequest.Line(new ListingId(item.listing()),
				item.sku().id(), fruit.id(), Money.ofFen(1990), quantity)));
	}

	long place(AccountId resident, PriceRequest request, PriceQuote quote) {
		return place(ORDER_IDS.incrementAndGet(), resident, request, quote);
	}

	long place(long orderId, AccountId resident, PriceRequest request, PriceQuote quote) {
		transactions.executeWithoutResult(tx -> promotions.placed(new PlacedOrder(orderId, resident, region.id(), point.id(),
				request, quote, Map.of(), TestClock.now())));
		return orderId;
	}

	void paid(long orderId, AccountId resident) {
		transactions.executeWithoutResult(tx -> promotions.paid(orderId, resident, region.id(), Money.ofFen(100), TestClock.now()));
	}

	void cancelled(long orderId, AccountId resident) {
		transactions.executeWithoutResult(tx -> promotions.cancelled(orderId, resident, TestClock.now()));
	}

	static AccountId idOf(Api resident) {
		return new AccountId(resident.get("/api/me").json().get("id").asLong());
	}

	@Test
	void oneOneYuanOfferPerResidentASecondIsRefusedAndACancellationFreesIt() {
		var item = item();
		long offer = offer(item, "ONE_YUAN", "EVERYONE", 100);
		Api api = Api.at(port).newResident();
		AccountId resident = idOf(api);
		PriceRequest request = request(resident, item, 2);
		PriceQuote quote = engine.quote(request);
		assertThat(quote.total(DiscountKind.ONE_YUAN_OFFER)).isEqualTo(Money.ofFen(1890));
		assertThat(quote.payable()).isEqualTo(Money.ofFen(100 + 1990));
		assertThat(api.get("/api/marketing/offers/mine?regionId=" + region.id().value()).json().get("oneYuanOffers"))
			.singleElement().satisfies(o -> assertThat(o.get("offerId").asLong()).isEqualTo(offer));

		long first = place(resident, request, quote);
		place(first, resident, request, quote); // a retry of the same order is not a second use

		// a second order placed at a quote made before (another tab): refused, the order undone
		assertThatThrownBy(() -> place(resident, request, quote)).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
			assertThat(e.code()).isEqualTo("one-yuan-offer-used");
			assertThat(e.text().code()).isEqualTo("marketing.offers.problem.oneYuanUsed");
		});
		assertThat(engine.quote(request).total(DiscountKind.ONE_YUAN_OFFER)).isEqualTo(Money.ZERO);
		assertThat(api.get("/api/marketing/offers/mine?regionId=" + region.id().value()).json().get("oneYuanOffers")).isEmpty();

		cancelled(first, resident);
		assertThat(engine.quote(request).total(DiscountKind.ONE_YUAN_OFFER)).isEqualTo(Money.ofFen(1890));
	}

	@Test
	void theNewResidentOfferEndsWithTheFirstPaidOrder() {
		var item = item();
		offer(item, "NEW_RESIDENT", null, 990);
		Api api = Api.at(port).newResident();
		AccountId resident = idOf(api);
		PriceRequest request = request(resident, item, 3);
		PriceQuote quote = engine.quote(request);
		assertThat(quote.total(DiscountKind.NEW_RESIDENT_OFFER)).isEqualTo(Money.ofFen(1000));
		assertThat(quote.payable()).isEqualTo(Money.ofFen(990 + 2 * 1990));
		var mine = api.get("/api/marketing/offers/mine?regionId=" + region.id().value()).json();
		assertThat(mine.get("newResident").asBoolean()).isTrue();
		assertThat(mine.get("newResidentOffers")).hasSize(1);

		long order = place(resident, request, quote);
		paid(order, resident);

		assertThat(engine.quote(request).total(DiscountKind.NEW_RESIDENT_OFFER)).isEqualTo(Money.ZERO);
		mine = api.get("/api/marketing/offers/mine?regionId=" + region.id().value()).json();
		assertThat(mine.get("newResident").asBoolean()).isFalse();
		assertThat(mine.get("newResidentOffers")).isEmpty();
	}

	@Test
	void aGiftIsRecordedWithTheOrderAndReturnedOnCancellation() {
		var item = item();
		var gift = operator.post("/api/admin/marketing/gifts", Map.of("regionId", region.id().value(), "thresholdFen", 3000,
				"giftName", "鸡蛋一盒", "endsAt", TestClock.now().plusSeconds(3600).toString()));
		assertThat(gift.status()).as(gift.toString()).isEqualTo(201);
		AccountId resident = idOf(Api.at(port).newResident());
		PriceRequest request = request(resident, item, 2); // 39.80
		PriceQuote quote = engine.quote(request);
		assertThat(quote.notes()).anySatisfy(n -> assertThat(n.args()).containsExactly("30", "鸡蛋一盒"));
		assertThat(engine.quote(request(resident, item, 1)).notes()).isEmpty();

		long order = place(resident, request, quote);
		assertThat(offers.giftsOfOrder(order)).containsExactly("鸡蛋一盒");
		cancelled(order, resident);
		assertThat(offers.giftsOfOrder(order)).isEmpty();
		assertThat(jdbc.sql("select count(*) from marketing.order_gift where order_id = ? and returned_at is not null")
			.param(order).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anOfferPriceNotBelowTheGroupPriceIsA400() {
		var item = item();
		var r = operator.post("/api/admin/marketing/offers", Map.of("listingId", item.listing(), "kind", "ONE_YUAN", "priceFen", 1990));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.errorFields()).containsExactly("priceFen");
		var noKind = operator.post("/api/admin/marketing/offers", Map.of("listingId", item.listing(), "priceFen", 100));
		assertThat(noKind.errorFields()).containsExactly("kind");
	}
}
