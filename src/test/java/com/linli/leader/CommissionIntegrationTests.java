package com.linli.leader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.linli.Deadline;
import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.CategoryManagement;
import com.linli.catalog.SkuManagement;
import com.linli.catalog.Category;
import com.linli.catalog.NewCategory;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.leader.internal.CommissionAccruals;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderRefundManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderLineRefunded;
import com.linli.ordering.OrderPickedUp;
import com.linli.ordering.OrderPickedUp.PickedUpLine;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.ordering.WebSession;
import com.linli.shared.ActedBy;
import com.linli.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leader commission end to end: residents order and pay through the API, the leader receives and
 * hands out the goods, commission accrues per line by the region's scheme (bands by month-to-date
 * sales, category overrides), refunds after pickup reverse it, and the ledger always balances.
 */
@IntegrationTest
class CommissionIntegrationTests {

	/** The region's scheme: 0 yuan 8%, 100 yuan 10%, 300 yuan 12%; grains (and below) 5%. */
	static final List<long[]> BANDS = List.of(new long[] { 0, 800 }, new long[] { 10_000, 1000 },
			new long[] { 30_000, 1200 });

	static final int GRAINS_RATE = 500;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CategoryManagement catalog;

	@Autowired
	SkuManagement skus;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	OrderRefundManagement refundOrders;

	@Autowired
	CommissionAccruals accruals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	OrderingFixtures world;

	PickupFixtures pickups;

	Category grains;

	Category rice;

	Listing apples;

	Listing riceBags;

	Api admin;

	@BeforeEach
	void world() {
		world = new OrderingFixtures(context, port);
		pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var marketing = new MarketingFixtures(context);
		var produce = marketing.category("蔬果", 1);
		grains = marketing.category("粮油", 2);
		rice = catalog.createCategory(new NewCategory("大米" + MarketingFixtures.next(), grains.id(), 1), ActedBy.system("test"));
		apples = world.listing(marketing.sku(produce, "红富士苹果", "500g/份"), "12.35", 500, 20);
		riceBags = world.listing(marketing.sku(rice, "五常大米", "5kg/袋"), "49.90", 500, 20);
		admin = Api.at(port).asAdmin();
		var saved = admin.put("/api/commission/schemes/" + world.region.id().value(), scheme(GRAINS_RATE));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
	}

	@Test
	void commissionAccruesPerLineByBandAndCategoryAndCrossesABand() {
		var leader = pickups.leader(world.pickupPoint);

		// 3 apples, 37.05 yuan: month sales 37.05, first band 8% -> 2.964 -> 2.96
		var first = handOut(leader, pickups.readyOrder(world.resident(), world.pickupPoint, apples, 3));
		awaitEntries(leader, 1);
		// 6 apples, 74.10 yuan: with this line the month reaches 111.15 yuan, so the line earns 10% -> 7.41;
		// then rice 49.90 at the grains rate 5% whatever the band: 2.495 -> 2.50
		handOut(leader, pickups.readyOrder(world.resident(), world.pickupPoint, apples, 6, riceBags, 1));
		var commission = awaitEntries(leader, 3);

		var entries = oldestFirst(commission);
		assertThat(entries).extracting(e -> e.get("skuName").asText()).containsExactly("红富士苹果", "红富士苹果", "五常大米");
		assertThat(entries).extracting(e -> e.get("amountFen").asLong()).containsExactly(296L, 741L, 250L);
		assertThat(entries).extracting(e -> e.get("rateBasisPoints").asInt()).containsExactly(800, 1000, 500);
		assertThat(entries).extracting(e -> e.get("rateSource").asText()).containsExactly("BAND", "BAND", "CATEGORY");
		assertThat(entries).extracting(e -> e.get("monthSalesFen").asLong()).containsExactly(3705L, 11115L, 16105L);
		assertThat(entries).extracting(e -> e.get("balanceAfterFen").asLong()).containsExactly(296L, 1037L, 1287L);
		assertThat(entries.get(0).get("orderNo").asText()).isEqualTo(first.get("orderNo").asText());

		var month = commission.get("month");
		assertThat(month.get("salesFen").asLong()).isEqualTo(16105);
		assertThat(month.get("accruedFen").asLong()).isEqualTo(1287);
		assertThat(month.get("balanceFen").asLong()).isEqualTo(1287);
		assertThat(month.get("band").get("rateBasisPoints").asInt()).isEqualTo(1000);
		assertThat(month.get("nextBand").get("floorFen").asLong()).isEqualTo(30_000);
		assertThat(month.get("toNextBandFen").asLong()).isEqualTo(30_000 - 16105);
		assertThat(commission.get("months").get(0).get("netFen").asLong()).isEqualTo(1287);
		assertThat(commission.get("scheme").get("overrides").get(0).get("categoryId").asLong())
			.isEqualTo(grains.id().value());
		assertLedgerFollowsTheScheme(leader.leaderId());
	}

	@Test
	void aPartialPickupEarnsOnWhatWasHandedOutAndTheRestLater() {
		var leader = pickups.leader(world.pickupPoint);
		var order = pickups.readyOrder(world.resident(), world.pickupPoint, apples, 4, riceBags, 1);
		long applesLine = lineOf(order, "红富士苹果");

		var partial = leader.api().post("/api/leader/pickups",
				Map.of("pickupCode", order.get("pickupCode").asText(), "lineIds", List.of(applesLine)));
		assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
		var afterApples = awaitEntries(leader, 1);
		assertThat(oldestFirst(afterApples).get(0).get("amountFen").asLong()).isEqualTo(395); // 49.40 × 8%

		assertThat(leader.api().post("/api/leader/pickups", Map.of("pickupCode", order.get("pickupCode").asText()))
			.status()).isEqualTo(200);
		var all = oldestFirst(awaitEntries(leader, 2));
		assertThat(all.get(1).get("amountFen").asLong()).isEqualTo(250); // rice: grains 5%
		assertLedgerFollowsTheScheme(leader.leaderId());
	}

	@Test
	void aRefundAfterPickupReversesTheRefundedUnitsShareAndNeverMore() {
		var leader = pickups.leader(world.pickupPoint);
		var order = handOut(leader, pickups.readyOrder(world.resident(), world.pickupPoint, apples, 3));
		awaitEntries(leader, 1); // 37.05 × 8% = 2.96
		long line = lineOf(order, "红富士苹果");
		var orderId = new OrderId(order.get("id").asLong());

		refundOrders.refundLine(orderId, new OrderLineId(line), 1, "aftersales-a", "DAMAGED", "坏果", true);
		var once = oldestFirst(awaitEntries(leader, 2));
		assertThat(once.get(1).get("kind").asText()).isEqualTo("REVERSAL");
		assertThat(once.get(1).get("amountFen").asLong()).isEqualTo(-99); // 296 / 3 = 98.67 -> 99
		assertThat(once.get(1).get("baseFen").asLong()).isEqualTo(1235);
		assertThat(once.get(1).get("balanceAfterFen").asLong()).isEqualTo(197);

		// the same refund retried by ordering: nothing new
		refundOrders.refundLine(orderId, new OrderLineId(line), 1, "aftersales-a", "DAMAGED", "坏果", true);
		refundOrders.refundLine(orderId, new OrderLineId(line), 2, "aftersales-b", "DAMAGED", "坏果", true);
		var all = awaitEntries(leader, 3);
		var entries = oldestFirst(all);
		assertThat(entries.get(2).get("amountFen").asLong()).isEqualTo(-197); // 296 in all, 99 already
		assertThat(all.get("month").get("balanceFen").asLong()).isZero();
		assertThat(all.get("month").get("salesFen").asLong()).isZero();
		assertThat(all.get("month").get("reversedFen").asLong()).isEqualTo(296);

		// a redelivered refund event changes nothing
		var redelivered = new OrderLineRefunded(orderId, order.get("orderNo").asText(), new OrderLineId(line),
				null, world.pickupPoint.id(), null, "红富士苹果", null, 2, Money.ofFen(2470), "DAMAGED", true,
				"line:" + line + ":aftersales-b");
		assertThat(accruals.reverse(redelivered)).isFalse();
		assertThat(entryCount(leader.leaderId())).isEqualTo(3);
		assertLedgerFollowsTheScheme(leader.leaderId());
	}

	@Test
	void aRedeliveredPickupEventNeverAccruesTwice() throws Exception {
		var leader = pickups.leader(world.pickupPoint);
		var order = handOut(leader, pickups.readyOrder(world.resident(), world.pickupPoint, apples, 2, riceBags, 1));
		var before = awaitEntries(leader, 2).get("month").get("balanceFen").asLong();

		var event = new OrderPickedUp(new OrderId(order.get("id").asLong()), order.get("orderNo").asText(),
				new AccountId(0), world.pickupPoint.id(), world.region.id(), Instant.now(clock), true,
				List.of(pickedUp(order, "红富士苹果", apples), pickedUp(order, "五常大米", riceBags)));
		assertThat(accruals.accrue(event)).isZero();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				runs.add(pool.submit((Callable<Integer>) () -> accruals.accrue(event)));
			}
			for (var run : runs) {
				assertThat(run.get()).isZero();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(entryCount(leader.leaderId())).isEqualTo(2);
		assertThat(commissionOf(leader).get("month").get("balanceFen").asLong()).isEqualTo(before);
	}

	@Test
	void concurrentDeliveriesOfANewPickupWriteOneAccrualPerLine() throws Exception {
		var leader = pickups.leader(world.pickupPoint);
		long line = 8_000_000_000L + System.nanoTime() % 1_000_000_000L;
		var event = new OrderPickedUp(new OrderId(line), "T" + line, new AccountId(0), world.pickupPoint.id(),
				world.region.id(), Instant.now(clock), true, List.of(new PickedUpLine(new OrderLineId(line),
						new SkuId(1), null, 2, Money.ofFen(5000), "测试商品")));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		int written = 0;
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				runs.add(pool.submit((Callable<Integer>) () -> accruals.accrue(event)));
			}
			for (var run : runs) {
				written += run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(written).isEqualTo(1);
		assertThat(entryCount(leader.leaderId())).isEqualTo(1);
		assertLedgerFollowsTheScheme(leader.leaderId());
	}

	@Test
	void aRefundThatArrivesBeforeItsAccrualIsAppliedRightAfterIt() {
		var leader = pickups.leader(world.pickupPoint);
		long line = 8_000_000_000L + System.nanoTime() % 1_000_000_000L;
		var refund = new OrderLineRefunded(new OrderId(line), "T" + line, new OrderLineId(line), new AccountId(0),
				world.pickupPoint.id(), new SkuId(1), "测试商品", null, 1, Money.ofFen(1000), "DAMAGED", true,
				"line:" + line + ":early");
		assertThat(accruals.reverse(refund)).isFalse();
		assertThat(entryCount(leader.leaderId())).isZero();

		var pickup = new OrderPickedUp(new OrderId(line), "T" + line, new AccountId(0), world.pickupPoint.id(),
				world.region.id(), Instant.now(clock), true, List.of(new PickedUpLine(new OrderLineId(line),
						new SkuId(1), null, 3, Money.ofFen(3000), "测试商品")));
		assertThat(accruals.accrue(pickup)).isEqualTo(2);
		var entries = oldestFirst(commissionOf(leader));
		assertThat(entries).extracting(e -> e.get("amountFen").asLong()).containsExactly(240L, -80L);
		assertThat(accruals.reverse(refund)).isFalse();
		assertLedgerFollowsTheScheme(leader.leaderId());
	}

	@Test
	void everyLedgerBalancesToTheFen() {
		var leader = pickups.leader(world.pickupPoint);
		var order = handOut(leader, pickups.readyOrder(world.resident(), world.pickupPoint, apples, 5, riceBags, 2));
		awaitEntries(leader, 2);
		refundOrders.refundLine(new OrderId(order.get("id").asLong()), new OrderLineId(lineOf(order, "红富士苹果")), 2,
				"aftersales-x", "DAMAGED", "坏果", true);
		awaitEntries(leader, 3);

		var broken = jdbc.sql("""
				select a.leader_id from leader.commission_account a
				  left join (select leader_id, coalesce(sum(amount_fen), 0) total,
				                    coalesce(sum(amount_fen) filter (where amount_fen >= 0), 0) accrued,
				                    coalesce(-sum(amount_fen) filter (where amount_fen < 0), 0) reversed, count(*) n,
				                    (array_agg(balance_after_fen order by id desc))[1] last_balance
				               from leader.commission_entry group by leader_id) e on e.leader_id = a.leader_id
				 where a.balance_fen <> coalesce(e.total, 0) or a.balance_fen <> a.accrued_fen - a.reversed_fen
				    or a.accrued_fen <> coalesce(e.accrued, 0) or a.reversed_fen <> coalesce(e.reversed, 0)
				    or a.entries <> coalesce(e.n, 0) or (e.n > 0 and e.last_balance <> a.balance_fen)""")
			.query(Long.class).list();
		assertThat(broken).as("leaders whose ledger does not balance").isEmpty();
		var overReversed = jdbc.sql("""
				select a.id from leader.commission_entry a
				  join leader.commission_entry r on r.accrual_id = a.id and r.kind in ('REVERSAL', 'REFERRAL_REVERSAL')
				 group by a.id, a.amount_fen, a.reversed_fen having -sum(r.amount_fen) <> a.reversed_fen
				    or a.reversed_fen > a.amount_fen""")
			.query(Long.class).list();
		assertThat(overReversed).as("accruals reversed by more than they earned").isEmpty();
		assertLedgerFollowsTheScheme(leader.leaderId());
	}

	@Test
	void schemesAreValidatedAndBadInputChangesNothing() {
		String path = "/api/commission/schemes/" + world.region.id().value();
		var before = admin.get(path).json();
		assertThat(before.get("inherited").asBoolean()).isFalse();

		assertInvalid(path, Map.of("bands", List.of(band(100, 800))), "bands[0].floorFen");
		assertInvalid(path, Map.of("bands", List.of(band(0, 800), band(0, 1000))), "bands[1].floorFen");
		assertInvalid(path, Map.of("bands", List.of(band(0, 800), band(50_000, 1000), band(20_000, 1200))),
				"bands[2].floorFen");
		assertInvalid(path, Map.of("bands", List.of(band(0, 1000), band(50_000, 800))), "bands[1].rateBasisPoints");
		assertInvalid(path, Map.of("bands", List.of(band(0, 5001))), "bands[0].rateBasisPoints");
		assertInvalid(path, Map.of("bands", List.of(band(0, -1))), "bands[0].rateBasisPoints");
		assertInvalid(path, Map.of("bands", List.of()), "bands");
		assertInvalid(path, Map.of("bands", List.of(band(0, 800)), "overrides",
				List.of(Map.of("categoryId", 9_999_999_999L, "rateBasisPoints", 500))), "overrides[0].categoryId");
		assertInvalid(path, Map.of("bands", List.of(band(0, 800)), "overrides",
				List.of(Map.of("categoryId", grains.id().value(), "rateBasisPoints", 500),
						Map.of("categoryId", grains.id().value(), "rateBasisPoints", 600))),
				"overrides[1].categoryId");
		assertInvalid(path, Map.of("bands", List.of(band(0, 800)), "overrides",
				List.of(Map.of("categoryId", grains.id().value(), "rateBasisPoints", 9000))),
				"overrides[0].rateBasisPoints");
		assertThat(admin.get(path).json()).isEqualTo(before);

		assertThat(admin.get("/api/commission/schemes/anywhere").status()).isEqualTo(400);
		assertThat(admin.get("/api/commission/schemes/9999999999").status()).isEqualTo(404);
	}

	@Test
	void operatorsSetSchemesOfTheirRegionsOnly() {
		String path = "/api/commission/schemes/" + world.region.id().value();
		var body = scheme(300);
		var operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		var stranger = MarketingFixtures.operatorOf(Api.at(port), new MarketingFixtures(context).region());

		assertThat(Api.at(port).put(path, body).status()).isEqualTo(401);
		assertThat(world.resident().put(path, body).status()).isEqualTo(403);
		assertThat(pickups.leader(world.pickupPoint).api().put(path, body).status()).isEqualTo(403);
		assertThat(stranger.put(path, body).status()).isEqualTo(403);
		assertThat(stranger.get(path).status()).isEqualTo(403);
		assertThat(admin.get(path).json().get("overrides").get(0).get("rateBasisPoints").asInt()).isEqualTo(GRAINS_RATE);

		var saved = operator.put(path, body);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().get("overrides").get(0).get("rateBasisPoints").asInt()).isEqualTo(300);
		assertThat(saved.json().get("overrides").get(0).get("categoryName").asText()).isEqualTo(grains.name());

		// the default scheme is the platform's: operators read it, only admins change it
		var defaults = operator.get("/api/commission/schemes/default");
		assertThat(defaults.status()).isEqualTo(200);
		var unchanged = Map.of("bands", defaults.json().get("bands"), "overrides", defaults.json().get("overrides"));
		assertThat(operator.put("/api/commission/schemes/default", unchanged).status()).isEqualTo(403);
		assertThat(admin.put("/api/commission/schemes/default", unchanged).status()).isEqualTo(200);

		// back to the default: the region inherits it
		assertThat(operator.delete(path).status()).isEqualTo(204);
		var inherited = operator.get(path).json();
		assertThat(inherited.get("inherited").asBoolean()).isTrue();
		assertThat(inherited.get("bands")).isEqualTo(defaults.json().get("bands"));
		assertThat(admin.delete("/api/commission/schemes/default").status()).isEqualTo(400);

		long audited = jdbc.sql("select count(*) from identity.audit_log where action like 'commission.scheme%' and target = ?")
			.param("commission-scheme:region:" + world.region.id().value()).query(Long.class).single();
		assertThat(audited).isGreaterThanOrEqualTo(3);
	}

	@Test
	void theLeaderSeesOnlyTheirOwnCommissionAndStaffSeeTheirRegions() {
		var leader = pickups.leader(world.pickupPoint);
		handOut(leader, pickups.readyOrder(world.resident(), world.pickupPoint, apples, 2));
		awaitEntries(leader, 1);

		assertThat(Api.at(port).get("/api/leader/commission").status()).isEqualTo(401);
		assertThat(world.resident().get("/api/leader/commission").status()).isEqualTo(403);
		assertThat(Api.at(port).newAccount("LEADER").get("/api/leader/commission").status()).isEqualTo(403);
		assertThat(leader.api().get("/api/leader/commission?month=2025-13").status()).isEqualTo(400);
		assertThat(leader.api().get("/api/leader/commission?month=1999-01").status()).isEqualTo(400);
		var lastYear = leader.api().get("/api/leader/commission?month=" + YearMonth.now(clock).minusYears(1)).json();
		assertThat(lastYear.get("entries").get("total").asLong()).isZero();
		assertThat(lastYear.get("month").get("balanceFen").asLong()).isEqualTo(198);

		var operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		var stranger = MarketingFixtures.operatorOf(Api.at(port), new MarketingFixtures(context).region());
		var rows = operator.get("/api/commission/leaders?regionId=" + world.region.id().value()).json();
		assertThat(rows.get("items")).hasSize(1);
		assertThat(rows.get("items").get(0).get("leaderId").asLong()).isEqualTo(leader.leaderId());
		assertThat(rows.get("items").get(0).get("accruedFen").asLong()).isEqualTo(198); // 24.70 × 8%
		assertThat(rows.get("items").get(0).get("salesFen").asLong()).isEqualTo(2470);
		assertThat(stranger.get("/api/commission/leaders?regionId=" + world.region.id().value()).status()).isEqualTo(403);
		var strangers = stranger.get("/api/commission/leaders").json();
		strangers.get("items").forEach(r -> assertThat(r.get("leaderId").asLong()).isNotEqualTo(leader.leaderId()));

		String operatorPhone = operator.get("/api/me").json().get("phone").asText();
		var page = WebSession.signIn(port, operatorPhone, "secret123")
			.get("/console/commission?regionId=" + world.region.id().value());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("团长" + leader.phone().substring(7)).contains("1.98");
		var phonePage = WebSession.signIn(port, leader.phone(), leader.password()).get("/leader/commission");
		assertThat(phonePage.status()).isEqualTo(200);
		assertThat(phonePage.body()).contains("1.98").contains("红富士苹果");
	}

	// --- the ledger checked against the scheme, recomputed here independently of the production code

	/**
	 * Replays the leader's entries in order: every accrual's rate is the grains override for rice, else
	 * the band of the month-to-date sales including the line; its amount is base × rate half-up; every
	 * reversal is the cumulative share of its accrual minus what was reversed before; balances follow.
	 */
	private void assertLedgerFollowsTheScheme(long leaderId) {
		var rows = jdbc.sql("""
				select id, kind, order_line_id, category_id, quantity, base_fen, rate_bp, month_sales_fen, sales_month,
				       amount_fen, balance_after_fen, accrual_id from leader.commission_entry where leader_id = ? order by id""")
			.param(leaderId).query().listOfRows();
		Map<Object, Long> monthSales = new HashMap<>();
		Map<Long, Map<String, Object>> accrualsById = new HashMap<>();
		Map<Long, long[]> reversedSoFar = new HashMap<>(); // accrual id -> {units, fen}
		long balance = 0;
		for (var row : rows) {
			long base = ((Number) row.get("base_fen")).longValue();
			long amount = ((Number) row.get("amount_fen")).longValue();
			Object month = row.get("sales_month");
			if (row.get("kind").equals("ACCRUAL")) {
				long sales = monthSales.merge(month, base, Long::sum);
				Long category = row.get("category_id") == null ? null : ((Number) row.get("category_id")).longValue();
				int expectedRate = rateOf(category, sales);
				assertThat(((Number) row.get("month_sales_fen")).longValue()).as("month sales of entry %s", row.get("id"))
					.isEqualTo(sales);
				assertThat(((Number) row.get("rate_bp")).intValue()).as("rate of entry %s", row.get("id"))
					.isEqualTo(expectedRate);
				assertThat(amount).as("commission of entry %s", row.get("id")).isEqualTo(halfUp(base * expectedRate, 10_000));
				accrualsById.put(((Number) row.get("id")).longValue(), row);
			}
			else {
				monthSales.merge(month, -base, Long::sum);
				long accrualId = ((Number) row.get("accrual_id")).longValue();
				var accrual = accrualsById.get(accrualId);
				long earned = ((Number) accrual.get("amount_fen")).longValue();
				int quantity = ((Number) accrual.get("quantity")).intValue();
				long[] sofar = reversedSoFar.computeIfAbsent(accrualId, k -> new long[2]);
				sofar[0] += ((Number) row.get("quantity")).intValue();
				long expected = halfUp(earned * sofar[0], quantity) - sofar[1];
				assertThat(sofar[0]).isLessThanOrEqualTo(quantity);
				assertThat(-amount).as("reversal %s", row.get("id")).isEqualTo(expected);
				sofar[1] += expected;
				assertThat(sofar[1]).isLessThanOrEqualTo(earned);
			}
			balance += amount;
			assertThat(((Number) row.get("balance_after_fen")).longValue()).as("balance after entry %s", row.get("id"))
				.isEqualTo(balance);
		}
		long account = jdbc.sql("select coalesce((select balance_fen from leader.commission_account where leader_id = ?), 0)")
			.param(leaderId).query(Long.class).single();
		assertThat(account).isEqualTo(balance);
	}

	private int rateOf(Long category, long monthSales) {
		if (category != null && (category == grains.id().value() || category == rice.id().value())) {
			return GRAINS_RATE;
		}
		int rate = 0;
		for (long[] band : BANDS) {
			if (monthSales >= band[0]) {
				rate = (int) band[1];
			}
		}
		return rate;
	}

	private static long halfUp(long numerator, long denominator) {
		return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP).longValueExact();
	}

	// --- helpers

	private Map<String, Object> scheme(int grainsRate) {
		List<Map<String, Object>> bands = BANDS.stream().map(b -> band(b[0], (int) b[1])).toList();
		return Map.of("bands", bands,
				"overrides", List.of(Map.of("categoryId", grains.id().value(), "rateBasisPoints", grainsRate)));
	}

	private static Map<String, Object> band(long floorFen, int rate) {
		return Map.of("floorFen", floorFen, "rateBasisPoints", rate);
	}

	private void assertInvalid(String path, Object body, String field) {
		var response = admin.put(path, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.errorFields()).as(response.toString()).contains(field);
	}

	private JsonNode handOut(PickupFixtures.LeaderLogin leader, JsonNode order) {
		var response = leader.api().post("/api/leader/pickups", Map.of("pickupCode", order.get("pickupCode").asText()));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return order;
	}

	private JsonNode commissionOf(PickupFixtures.LeaderLogin leader) {
		var response = leader.api().get("/api/leader/commission?size=200");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	/** Waits (with a deadline) for the asynchronous listener to have written this many entries. */
	private JsonNode awaitEntries(PickupFixtures.LeaderLogin leader, int count) {
		Deadline deadline = Deadline.inMillis(15_000);
		JsonNode commission = commissionOf(leader);
		while (commission.get("entries").get("total").asInt() < count && !deadline.passed()) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			commission = commissionOf(leader);
		}
		assertThat(commission.get("entries").get("total").asInt()).as("ledger entries").isEqualTo(count);
		return commission;
	}

	private static List<JsonNode> oldestFirst(JsonNode commission) {
		List<JsonNode> entries = new ArrayList<>();
		commission.get("entries").get("items").forEach(e -> entries.add(0, e));
		return entries;
	}

	private long entryCount(long leaderId) {
		return jdbc.sql("select count(*) from leader.commission_entry where leader_id = ?").param(leaderId)
			.query(Long.class).single();
	}

	private static long lineOf(JsonNode order, String skuName) {
		for (JsonNode line : order.get("lines")) {
			if (line.get("skuName").asText().contains(skuName)) {
				return line.get("id").asLong();
			}
		}
		throw new AssertionError("no line " + skuName + " in " + order);
	}

	private PickedUpLine pickedUp(JsonNode order, String skuName, Listing listing) {
		for (JsonNode line : order.get("lines")) {
			if (line.get("skuName").asText().contains(skuName)) {
				var sku = skus.getSku(listing.skuId());
				return new PickedUpLine(new OrderLineId(line.get("id").asLong()), sku.id(), sku.categoryId(),
						line.get("quantity").asInt(), Money.ofFen(line.get("amountFen").asLong()), skuName);
			}
		}
		throw new AssertionError("no line " + skuName);
	}
}
