package com.linli.marketing.points;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.identity.AccountId;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.internal.PointsGrants;
import com.linli.network.PickupPoint;
import com.linli.network.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.linli.marketing.points.PointsTestSupport.assertLedgerBalances;
import static com.linli.marketing.points.PointsTestSupport.idOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The points shop through HTTP: operators list coupons for points in their regions; residents exchange
 * points for them once per key; under concurrent exchanges points never go below zero and no item is
 * exchanged beyond its stock.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsShopIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PointsGrants grants;

	@Autowired
	Clock clock;

	Region region;

	/** A real coupon template of the region, what the items give. */
	long template;

	Region elsewhere;

	PickupPoint point;

	Api operator;

	@BeforeAll
	void setUp() {
		var fixtures = new MarketingFixtures(context);
		region = fixtures.region();
		elsewhere = fixtures.region();
		point = fixtures.pickupPoint(region, "积分小区" + MarketingFixtures.next(), 31.2, 121.4);
		operator = MarketingFixtures.operatorOf(Api.at(port), region);
		var created = operator.post("/api/admin/marketing/coupon-templates", Map.of("name", "积分兑换券", "kind", "FIXED",
				"amountFen", 500, "scope", "ALL", "regionIds", java.util.List.of(region.id().value()), "validDays", 30,
				"perResidentLimit", 100, "totalQuantity", 100_000, "claimable", false));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		template = created.json().get("id").asLong();
	}

	@AfterEach
	void everyLedgerBalances() {
		assertLedgerBalances(jdbc);
	}

	@Test
	void aResidentExchangesPointsForACouponOncePerKey() {
		long item = list("满30减5券", 100, 10);
		Api resident = residentWith(250);
		AccountId id = idOf(resident);
		var items = resident.get("/api/marketing/points-shop/items").json();
		List<Long> ids = new ArrayList<>();
		items.forEach(i -> ids.add(i.get("id").asLong()));
		assertThat(ids).contains(item);

		var first = resident.post("/api/marketing/points-shop/items/" + item + "/exchange", Map.of("idempotencyKey", "k1"));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		long coupon = first.json().get("couponId").asLong();
		assertThat(coupon).isPositive();
		var retry = resident.post("/api/marketing/points-shop/items/" + item + "/exchange", Map.of("idempotencyKey", "k1"));
		assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		assertThat(grants.balance(id)).isEqualTo(150);
		assertThat(jdbc.sql("select coupon_id from marketing.points_exchange where resident_id = ? and idempotency_key = 'k1'")
			.param(id.value()).query(Long.class).single()).isEqualTo(coupon);
		assertThat(operator.get("/api/admin/marketing/points-shop/items/" + item).json().get("exchanged").asInt()).isEqualTo(1);

		resident.post("/api/marketing/points-shop/items/" + item + "/exchange", Map.of("idempotencyKey", "k2"));
		var tooFew = resident.post("/api/marketing/points-shop/items/" + item + "/exchange", Map.of("idempotencyKey", "k3"));
		assertThat(tooFew.status()).isEqualTo(409);
		assertThat(tooFew.errorFields()).containsExactly("points");
		assertThat(grants.balance(id)).isEqualTo(50);
		assertThat(operator.get("/api/admin/marketing/points-shop/items/" + item).json().get("exchanged").asInt()).isEqualTo(2);
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndOtherRegionsAreOutOfReach() {
		var noName = operator.post("/api/admin/marketing/points-shop/items", Map.of("regionId", region.id().value(),
				"name", "", "couponTemplateId", 5, "pointsPrice", 100, "stock", 1));
		assertThat(noName.status()).isEqualTo(400);
		assertThat(noName.errorFields()).contains("name");
		var free = operator.post("/api/admin/marketing/points-shop/items", Map.of("regionId", region.id().value(),
				"name", "白送", "couponTemplateId", 5, "pointsPrice", 0, "stock", 1));
		assertThat(free.errorFields()).contains("pointsPrice");
		var otherRegion = operator.post("/api/admin/marketing/points-shop/items", Map.of("regionId",
				elsewhere.id().value(), "name", "别处", "couponTemplateId", 5, "pointsPrice", 10, "stock", 1));
		assertThat(otherRegion.status()).isEqualTo(403);
		long item = list("限量券", 10, 3);
		var below = operator.put("/api/admin/marketing/points-shop/items/" + item, Map.of("pointsPrice", 10, "stock", -1,
				"active", true));
		assertThat(below.errorFields()).contains("stock");
		var noKey = residentWith(100).post("/api/marketing/points-shop/items/" + item + "/exchange", Map.of());
		assertThat(noKey.status()).isEqualTo(400);
		assertThat(noKey.errorFields()).contains("idempotencyKey");
	}

	@Test
	void aResidentOfAnotherRegionDoesNotFindTheItem() {
		long item = list("本区券", 10, 5);
		Api stranger = Api.at(port).newResident();
		AccountId id = idOf(stranger);
		grants.award(id, 100, "marketing.points.reason.checkIn|1", "test:" + id.value() + ":start", clock.instant());
		var refused = stranger.post("/api/marketing/points-shop/items/" + item + "/exchange", Map.of("idempotencyKey", "a"));
		assertThat(refused.status()).isEqualTo(404);
		assertThat(grants.balance(id)).isEqualTo(100);
	}

	@Test
	void aRefusedCouponGrantUndoesTheExchange() {
		long item = list("坏模板", 40, 5, 0); // no template 0: the coupons refuse it
		Api resident = residentWith(100);
		var refused = resident.post("/api/marketing/points-shop/items/" + item + "/exchange", Map.of("idempotencyKey", "x"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(grants.balance(idOf(resident))).isEqualTo(100);
		assertThat(operator.get("/api/admin/marketing/points-shop/items/" + item).json().get("exchanged").asInt()).isZero();
	}

	@Test
	void concurrentExchangesNeverTakePointsBelowZero() throws Exception {
		long item = list("并发券", 100, 1000);
		Api resident = residentWith(1000);
		AccountId id = idOf(resident);
		List<Callable<Integer>> attempts = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			String key = "race-" + i;
			attempts.add(() -> resident.post("/api/marketing/points-shop/items/" + item + "/exchange",
					Map.of("idempotencyKey", key)).status());
		}
		List<Integer> statuses = runTogether(attempts);
		assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
		assertThat(statuses).filteredOn(s -> s == 409).hasSize(14);
		assertThat(grants.balance(id)).isZero();
		assertThat(jdbc.sql("select count(*) from marketing.points_exchange where resident_id = ?").param(id.value())
			.query(Long.class).single()).isEqualTo(10);
	}

	@Test
	void concurrentExchangesNeverTakeMoreThanTheStock() throws Exception {
		long item = list("秒兑券", 10, 5);
		List<Callable<Integer>> attempts = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			Api resident = residentWith(100);
			attempts.add(() -> resident.post("/api/marketing/points-shop/items/" + item + "/exchange",
					Map.of("idempotencyKey", "one")).status());
		}
		List<Integer> statuses = runTogether(attempts);
		assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
		assertThat(operator.get("/api/admin/marketing/points-shop/items/" + item).json().get("exchanged").asInt()).isEqualTo(5);
		assertThat(jdbc.sql("select coalesce(sum(points), 0) from marketing.points_entry where kind = 'SPENT' and reference in "
				+ "(select 'points-shop:' || id from marketing.points_exchange where item_id = ?)").param(item)
			.query(Long.class).single()).isEqualTo(50);
	}

	private List<Integer> runTogether(List<Callable<Integer>> attempts) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
		try {
			var start = new java.util.concurrent.CountDownLatch(1);
			List<Future<Integer>> futures = new ArrayList<>();
			for (Callable<Integer> attempt : attempts) {
				futures.add(pool.submit(() -> {
					start.await();
					return attempt.call();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : futures) {
				statuses.add(f.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long list(String name, long price, int stock) {
		return list(name, price, stock, template);
	}

	private long list(String name, long price, int stock, long template) {
		var listed = operator.post("/api/admin/marketing/points-shop/items", Map.of("regionId", region.id().value(),
				"name", name + MarketingFixtures.next(), "couponTemplateId", template, "pointsPrice", price, "stock", stock));
		assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
		return listed.id();
	}

	private Api residentWith(long points) {
		Api resident = Api.at(port).newResident();
		var bound = resident.put("/api/me/pickup-point", Map.of("pickupPointId", point.id().value()));
		assertThat(bound.status()).as(bound.toString()).isLessThan(300);
		AccountId id = idOf(resident);
		grants.award(id, points, "marketing.points.reason.checkIn|1", "test:" + id.value() + ":start", clock.instant());
		return resident;
	}
}
