package com.linli.marketing.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.OrderPromotions;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.PriceQuote;
import com.linli.network.PickupPoint;
import com.linli.network.Region;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders placed at once, each in its own transaction as ordering places them: a campaign's budget is never
 * overspent, and a resident never gets two 1-yuan offers.
 */
@IntegrationTest
class PromotionConcurrencyTests {

	static final AtomicLong ORDER_IDS = new AtomicLong(5_000_000_000L + System.nanoTime() % 1_000_000_000L);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	OrderPromotions promotions;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	static PriceQuote quoteWith(DiscountKind kind, String reference, long fen) {
		return new PriceQuote(List.of(), List.of(new PriceQuote.Deduction(kind, reference,
				Text.of("marketing.campaigns.discountLabel"), Money.ofFen(fen))), List.of(), Money.ofFen(10_000),
				Money.ofFen(fen), Money.ofFen(10_000 - fen), null, 0);
	}

	/** Places each order in its own transaction, all at once; answers how many were accepted. */
	int placeAtOnce(Region region, PickupPoint point, List<AccountId> residents, PriceQuote quote) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> tasks = new ArrayList<>();
			for (AccountId resident : residents) {
				tasks.add(() -> {
					long orderId = ORDER_IDS.incrementAndGet();
					try {
						transactions.executeWithoutResult(tx -> promotions.placed(new PlacedOrder(orderId, resident,
								region.id(), point.id(), null, quote, Map.of(), TestClock.now())));
						return true;
					}
					catch (BusinessRuleException e) {
						return false;
					}
				});
			}
			int accepted = 0;
			for (Future<Boolean> f : pool.invokeAll(tasks)) {
				accepted += f.get() ? 1 : 0;
			}
			return accepted;
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void aBudgetIsNeverOverspentUnderConcurrentOrders() throws Exception {
		var fixtures = new MarketingFixtures(context);
		Region region = fixtures.region();
		PickupPoint point = fixtures.pickupPoint(region, "并发小区" + MarketingFixtures.next(), 30.5, 114.3);
		Api operator = MarketingFixtures.operatorOf(Api.at(port), region);
		long campaign = operator.post("/api/admin/marketing/campaigns", Map.of("regionId", region.id().value(), "name", "并发预算",
				"festival", "OTHER", "startsOn", TestClock.today().toString(), "budgetFen", 5_000)).id();
		List<AccountId> residents = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			residents.add(new AccountId(9_000_000_000L + MarketingFixtures.next() * 100L + i));
		}
		// 24 orders of 12.00 each against a budget of 50.00: exactly 4 fit
		int accepted = placeAtOnce(region, point, residents,
				quoteWith(DiscountKind.FULL_REDUCTION, "campaign:" + campaign + "/reduction:1", 1200));
		assertThat(accepted).isEqualTo(4);
		assertThat(operator.get("/api/admin/marketing/campaigns/" + campaign).json().get("spentFen").asLong()).isEqualTo(4800);
		assertThat(jdbc.sql("select count(*) from marketing.campaign_order where campaign_id = ?").param(campaign)
			.query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void aResidentGetsOneOneYuanOfferWhateverTheConcurrency() throws Exception {
		var fixtures = new MarketingFixtures(context);
		Region region = fixtures.region();
		PickupPoint point = fixtures.pickupPoint(region, "并发小区" + MarketingFixtures.next(), 30.5, 114.3);
		Api operator = MarketingFixtures.operatorOf(Api.at(port), region);
		var sku = fixtures.sku(fixtures.category("水果", 1), "并发苹果", "1斤");
		long listing = operator.post("/api/listings", new HashMap<String, Object>(Map.of("regionId", region.id().value(), "skuId",
				sku.id().value(), "groupPriceFen", 990, "stockCap", 100, "perResidentLimit", 5, "pickupDate",
				TestClock.today().plusDays(2).toString()))).id();
		long offer = operator.post("/api/admin/marketing/offers", Map.of("listingId", listing, "kind", "ONE_YUAN", "priceFen", 100))
			.id();
		AccountId resident = new AccountId(9_500_000_000L + MarketingFixtures.next());
		int accepted = placeAtOnce(region, point, java.util.Collections.nCopies(10, resident),
				quoteWith(DiscountKind.ONE_YUAN_OFFER, "offer:" + offer, 890));
		assertThat(accepted).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from marketing.one_yuan_use where resident_id = ?").param(resident.value())
			.query(Long.class).single()).isEqualTo(1);
	}
}
