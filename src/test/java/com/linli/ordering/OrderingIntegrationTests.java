package com.linli.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.marketing.ListingManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Residents order through the API: caps, limits, idempotency, payment, cancellation, expiry. */
@IntegrationTest
class OrderingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ListingManagement listings;

	@Autowired
	OrderManagement orders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FulfilmentOrders fulfilment;

	OrderingFixtures world;

	@BeforeEach
	void world() {
		world = new OrderingFixtures(context, port);
	}

	@Test
	void residentOrdersFromTheCartPaysAndGetsAPickupCodeAndQr() {
		var apples = world.listing("红富士苹果", "19.90", 100, 5);
		var eggs = world.listing("土鸡蛋 30枚", "22.80", 100, 2);
		var resident = world.resident();

		assertThat(resident.post("/api/cart/items", Map.of("listingId", apples.id().value(), "quantity", 2)).status())
			.isEqualTo(200);
		var cart = resident.post("/api/cart/items", Map.of("listingId", eggs.id().value(), "quantity", 1)).json();
		assertThat(cart.get("items")).hasSize(2);

		var placed = resident.post("/api/cart/checkout", Map.of(), Map.of("Idempotency-Key", "k-" + System.nanoTime()));
		assertThat(placed.status()).isEqualTo(201);
		var order = placed.json();
		assertThat(order.get("status").asText()).isEqualTo("PENDING_PAYMENT");
		assertThat(order.get("totalFen").asLong()).isEqualTo(2 * 1990 + 2280);
		assertThat(order.has("pickupCode")).as("no pickup code before payment").isFalse();
		assertThat(resident.get("/api/cart").json().get("items")).isEmpty();

		assertThat(OrderingFixtures.pay(resident, order.get("cashierUrl").asText()).status()).isEqualTo(200);
		var paid = OrderingFixtures.awaitStatus(resident, order.get("id").asLong(), "PAID");
		assertThat(paid.get("status").asText()).isEqualTo("PAID");
		assertThat(paid.get("paidFen").asLong()).isEqualTo(6260);
		assertThat(paid.get("pickupCode").asText()).matches("\\d{6}");

		var qr = resident.get("/api/orders/" + order.get("id").asLong() + "/pickup-qr", Map.of("Accept", "image/png"));
		assertThat(qr.status()).isEqualTo(200);
		assertThat(qr.contentType()).isEqualTo("image/png");
		assertThat(listings.get(apples.id()).sold()).isEqualTo(2);
	}

	@Test
	void theSameIdempotencyKeySentTwentyTimesAtOnceYieldsOneOrder() throws Exception {
		var listing = world.listing("五常大米 5kg", "49.90", 100, 3);
		var resident = world.resident();
		var body = Map.of("items", List.of(Map.of("listingId", listing.id().value(), "quantity", 1)));
		String key = "same-" + System.nanoTime();

		List<Api.Response> responses = inParallel(20, i -> resident.post("/api/orders", body, Map.of("Idempotency-Key", key)));

		Set<Long> ids = new java.util.HashSet<>();
		for (var r : responses) {
			assertThat(r.status()).as(r.toString()).isEqualTo(201);
			ids.add(r.id());
		}
		assertThat(ids).hasSize(1);
		assertThat(resident.get("/api/orders").json()).hasSize(1);
		assertThat(listings.get(listing.id()).sold()).isEqualTo(1);
	}

	@Test
	void fiveHundredResidentsAtOnceOnACapOfOneHundredBuyExactlyOneHundredUnits() throws Exception {
		var listing = world.listing("秒杀 草莓 1斤", "9.90", 100, 2);
		var residents = world.residents(500);
		Map<Integer, Integer> wanted = new ConcurrentHashMap<>();

		List<Api.Response> responses = inParallel(500, i -> {
			int quantity = 1 + i % 3; // a third ask for 3, over the limit of 2
			wanted.put(i, quantity);
			return residents.get(i).post("/api/orders",
					Map.of("items", List.of(Map.of("listingId", listing.id().value(), "quantity", quantity))),
					Map.of("Idempotency-Key", "flash-" + i));
		});

		int unitsOrdered = 0;
		int soldOut = 0;
		for (int i = 0; i < responses.size(); i++) {
			var r = responses.get(i);
			if (r.status() == 201) {
				unitsOrdered += wanted.get(i);
				assertThat(wanted.get(i)).isLessThanOrEqualTo(2);
			}
			else {
				assertThat(r.status()).as(r.toString()).isEqualTo(409);
				String code = r.json().get("code").asText();
				assertThat(code).isIn("sold-out", "limit-exceeded");
				if (code.equals("sold-out")) {
					soldOut++;
				}
				if (wanted.get(i) == 3) {
					assertThat(code).isIn("limit-exceeded", "sold-out");
				}
			}
		}
		assertThat(unitsOrdered).isEqualTo(100);
		assertThat(listings.get(listing.id()).sold()).isEqualTo(100);
		assertThat(soldOut).isGreaterThan(0);
		long fromOrders = jdbc.sql("""
				select coalesce(sum(l.quantity), 0) from ordering.order_line l join ordering.orders o on o.id = l.order_id
				 where l.listing_id = ? and o.status <> 'CANCELLED'""").param(listing.id().value()).query(Long.class).single();
		assertThat(fromOrders).isEqualTo(100);
		long overLimit = jdbc.sql("select count(*) from marketing.listing_purchase where listing_id = ? and quantity > 2")
			.param(listing.id().value()).query(Long.class).single();
		assertThat(overLimit).isZero();
	}

	@Test
	void aResidentCannotGoOverTheLimitAcrossOrders() {
		var listing = world.listing("纯牛奶 250ml×12", "39.90", 100, 2);
		var resident = world.resident();
		var one = Map.of("items", List.of(Map.of("listingId", listing.id().value(), "quantity", 2)));
		assertThat(resident.post("/api/orders", one, Map.of("Idempotency-Key", "a-" + System.nanoTime())).status())
			.isEqualTo(201);
		var again = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(),
				"quantity", 1))), Map.of("Idempotency-Key", "b-" + System.nanoTime()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("limit-exceeded");
		assertThat(listings.get(listing.id()).sold()).isEqualTo(2);
	}

	@Test
	void cancellingAPaidOrderBeforeCutoffRefundsInFullAndGivesTheUnitsBack() {
		var listing = world.listing("精品猪肉 500g", "18.80", 10, 5);
		var resident = world.resident();
		var placed = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(),
				"quantity", 3))), Map.of("Idempotency-Key", "c-" + System.nanoTime())).json();
		OrderingFixtures.pay(resident, placed.get("cashierUrl").asText());
		long id = placed.get("id").asLong();
		assertThat(OrderingFixtures.awaitStatus(resident, id, "PAID").get("status").asText()).isEqualTo("PAID");
		assertThat(listings.get(listing.id()).sold()).isEqualTo(3);

		var cancelled = resident.post("/api/orders/" + id + "/cancel", Map.of());
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("refundedFen").asLong()).isEqualTo(3 * 1880);
		assertThat(listings.get(listing.id()).sold()).isZero();
		long refundedAtBank = jdbc.sql("select refunded_fen from payment.payment where merchant_reference = ?")
			.param("order:" + id).query(Long.class).single();
		assertThat(refundedAtBank).isEqualTo(3 * 1880);

		var twice = resident.post("/api/orders/" + id + "/cancel", Map.of());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(jdbc.sql("select refunded_fen from ordering.orders where id = ?").param(id).query(Long.class).single())
			.isEqualTo(3 * 1880);
	}

	@Test
	void anUnpaidOrderExpiresAndItsUnitsGoBack() {
		var listing = world.listing("西兰花 500g", "4.90", 5, 5);
		var resident = world.resident();
		var placed = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(),
				"quantity", 5))), Map.of("Idempotency-Key", "e-" + System.nanoTime())).json();
		long id = placed.get("id").asLong();
		assertThat(listings.get(listing.id()).sold()).isEqualTo(5);

		jdbc.sql("update ordering.orders set expires_at = ? where id = ?").params(java.sql.Timestamp.from(TestClock.now().minusSeconds(60)), id).update();
		orders.expireUnpaid();

		var order = resident.get("/api/orders/" + id).json();
		assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
		assertThat(order.get("cancelReason").asText()).isEqualTo("EXPIRED");
		assertThat(listings.get(listing.id()).sold()).isZero();
		assertThat(jdbc.sql("select status from payment.payment where merchant_reference = ?").param("order:" + id)
			.query(String.class).single()).isEqualTo("CLOSED");
		// the units are for sale again
		var other = world.resident().post("/api/orders", Map.of("items", List.of(Map.of("listingId",
				listing.id().value(), "quantity", 5))), Map.of("Idempotency-Key", "f-" + System.nanoTime()));
		assertThat(other.status()).isEqualTo(201);
	}

	@Test
	void badOrdersAreRefusedWithTheFieldNamedAndChangeNothing() {
		var listing = world.listing("香蕉 3斤", "12.90", 10, 5);
		var resident = world.resident();
		var body = Map.of("items", List.of(Map.of("listingId", listing.id().value(), "quantity", 1)));

		var noKey = resident.post("/api/orders", body);
		assertThat(noKey.status()).isEqualTo(400);
		assertThat(noKey.errorFields()).containsExactly("Idempotency-Key");

		var zero = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(),
				"quantity", 0))), Map.of("Idempotency-Key", "z-" + System.nanoTime()));
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.errorFields()).containsExactly("items[0].quantity");

		var unknown = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", 987654321L,
				"quantity", 1))), Map.of("Idempotency-Key", "u-" + System.nanoTime()));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorFields()).containsExactly("items[0].listingId");

		var unbound = Api.at(port).newResident().post("/api/orders", body, Map.of("Idempotency-Key", "n-" + System.nanoTime()));
		assertThat(unbound.status()).isEqualTo(409);
		assertThat(unbound.json().get("code").asText()).isEqualTo("no-pickup-point");

		var closed = world.listing("已截单 葡萄", "15.00", 10, 5);
		jdbc.sql("update marketing.listing set cutoff_at = ?, opens_at = ? where id = ?")
			.params(java.sql.Timestamp.from(TestClock.now().minusSeconds(60)), java.sql.Timestamp.from(TestClock.now().minusSeconds(2 * 3600)), closed.id().value()).update();
		var late = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", closed.id().value(),
				"quantity", 1))), Map.of("Idempotency-Key", "l-" + System.nanoTime()));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("code").asText()).isEqualTo("listing-closed");

		assertThat(resident.get("/api/orders").json()).isEmpty();
		assertThat(listings.get(listing.id()).sold()).isZero();
		assertThat(Api.at(port).post("/api/orders", body, Map.of("Idempotency-Key", "x")).status()).isEqualTo(401);
	}

	@Test
	void aResidentSeesOnlyTheirOwnOrders() {
		var listing = world.listing("酸奶 100g×8", "15.90", 10, 5);
		var owner = world.resident();
		long id = owner.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(),
				"quantity", 1))), Map.of("Idempotency-Key", "o-" + System.nanoTime())).id();
		var stranger = world.resident();
		assertThat(stranger.get("/api/orders/" + id).status()).isEqualTo(404);
		assertThat(stranger.post("/api/orders/" + id + "/cancel", Map.of()).status()).isEqualTo(404);
		assertThat(owner.get("/api/orders/" + id).status()).isEqualTo(200);
	}

	interface Call {

		Api.Response call(int i) throws Exception;
	}

	/** Runs the calls at the same moment (a start gate), on as many threads. */
	static List<Api.Response> inParallel(int count, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 200));
		try {
			var gate = new CountDownLatch(1);
			List<Future<Api.Response>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					gate.await();
					return call.call(n);
				}));
			}
			gate.countDown();
			List<Api.Response> responses = new ArrayList<>();
			for (var f : futures) {
				responses.add(f.get(120, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void afterTheLastUnitOthersHearSoldOutWhileTheBuyersRetryStillGetsItsOrder() {
		var melon = world.listing("秒杀 麒麟西瓜", "9.90", 1, 1);
		var body = Map.of("items", List.of(Map.of("listingId", melon.id().value(), "quantity", 1)));
		var buyer = world.resident();
		var placed = buyer.post("/api/orders", body, Map.of("Idempotency-Key", "melon-1"));
		assertThat(placed.status()).isEqualTo(201);
		assertThat(placed.json().get("cashierUrl").asText()).startsWith("/pay/sim/");

		for (int i = 0; i < 3; i++) {
			var late = world.resident().post("/api/orders", body, Map.of("Idempotency-Key", "melon-late-" + i));
			assertThat(late.status()).isEqualTo(409);
			assertThat(late.json().get("code").asText()).isEqualTo("sold-out");
		}
		// the answer of the gate in front of Spring MVC is the controller's problem detail, whole
		var late = world.resident().post("/api/orders", body, Map.of("Idempotency-Key", "melon-late-x"));
		assertThat(late.contentType()).startsWith("application/problem+json");
		assertThat(late.json().get("status").asInt()).isEqualTo(409);
		assertThat(late.json().get("type").asText()).endsWith("sold-out");
		assertThat(late.json().get("title").asText()).isEqualTo("Business rule violated");
		assertThat(late.json().get("detail").asText()).isNotBlank();
		assertThat(late.json().get("instance").asText()).isEqualTo("/api/orders");
		// and it does not come before signing in, validation or a missing key
		assertThat(Api.at(port).post("/api/orders", body, Map.of("Idempotency-Key", "melon-anon")).status())
			.isEqualTo(401);
		var zero = world.resident().post("/api/orders",
				Map.of("items", List.of(Map.of("listingId", melon.id().value(), "quantity", 0))),
				Map.of("Idempotency-Key", "melon-zero"));
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.errorFields()).anySatisfy(f -> assertThat(f).contains("quantity"));
		assertThat(world.resident().post("/api/orders", body, Map.of()).status()).isEqualTo(400);
		// the buyer's client lost the answer and sends the submit again: the same order, not "sold out"
		var retry = buyer.post("/api/orders", body, Map.of("Idempotency-Key", "melon-1"));
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.id()).isEqualTo(placed.id());
		assertThat(listings.get(melon.id()).sold()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from ordering.order_line where listing_id = ?").param(melon.id().value())
			.query(Long.class).single()).isEqualTo(1);

		// the buyer cancels: the unit is on sale again at once, the next resident gets it
		assertThat(buyer.post("/api/orders/" + placed.id() + "/cancel", Map.of()).status()).isEqualTo(200);
		var next = world.resident().post("/api/orders", body, Map.of("Idempotency-Key", "melon-next"));
		assertThat(next.status()).isEqualTo(201);
		assertThat(listings.get(melon.id()).sold()).isEqualTo(1);
	}

	@Test
	void theCutoffShowsInTheOrdersTimelineAfterPlacedAndPaid() {
		var grapes = world.listing("阳光玫瑰葡萄", "29.90", 10, 2);
		var resident = world.resident();
		var placed = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", grapes.id().value(),
				"quantity", 1))), Map.of("Idempotency-Key", "grapes-" + System.nanoTime()));
		assertThat(OrderingFixtures.pay(resident, placed.json().get("cashierUrl").asText()).status()).isEqualTo(200);
		assertThat(OrderingFixtures.awaitStatus(resident, placed.id(), "PAID").get("status").asText()).isEqualTo("PAID");

		fulfilment.confirmForCutoff(world.region.id(), grapes.pickupDate());

		assertThat(resident.get("/api/orders/" + placed.id()).json().get("status").asText()).isEqualTo("CONFIRMED");
		var timeline = orders.timeline(new OrderId(placed.id()));
		assertThat(timeline).extracting(e -> e.status() == null ? null : e.status().name())
			.containsExactly("PENDING_PAYMENT", "PAID", "CONFIRMED");
		assertThat(timeline.get(2).messageKey()).isEqualTo("ordering.timeline.confirmed");
		assertThat(timeline.get(2).at()).isAfterOrEqualTo(timeline.get(1).at());
	}
}
