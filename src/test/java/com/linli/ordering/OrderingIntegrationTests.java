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
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

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

		assertThat(OrderingFixtures.pay(resident, order.get("payment").asText()).status()).isEqualTo(200);
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
		OrderingFixtures.pay(resident, placed.get("payment").asText());
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
	void anUnpaidOrderNobodyTookToTheCashierExpiresToo() {
		var listing = world.listing("菠菜 500g", "3.90", 4, 4);
		var resident = world.resident();
		var placed = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(),
				"quantity", 4))), Map.of("Idempotency-Key", "e0-" + System.nanoTime())).json();
		long id = placed.get("id").asLong();
		jdbc.sql("update ordering.orders set expires_at = ? where id = ?").params(java.sql.Timestamp.from(TestClock.now().minusSeconds(60)), id).update();
		orders.expireUnpaid();

		var order = resident.get("/api/orders/" + id).json();
		assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
		assertThat(order.get("cancelReason").asText()).isEqualTo("EXPIRED");
		assertThat(listings.get(listing.id()).sold()).isZero();
		assertThat(jdbc.sql("select count(*) from payment.payment where merchant_reference = ?").param("order:" + id)
			.query(Long.class).single()).isZero();
		// nor can it be paid any more
		assertThat(resident.post("/api/orders/" + id + "/payment", Map.of()).status()).isEqualTo(409);
	}

	@Test
	void anUnpaidOrderExpiresAndItsUnitsGoBack() {
		var listing = world.listing("西兰花 500g", "4.90", 5, 5);
		var resident = world.resident();
		var placed = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(),
				"quantity", 5))), Map.of("Idempotency-Key", "e-" + System.nanoTime())).json();
		long id = placed.get("id").asLong();
		assertThat(listings.get(listing.id()).sold()).isEqualTo(5);
		// the resident went to the cashier (the payment opens there) and walked away
		assertThat(resident.post(placed.get("payment").asText(), Map.of()).status()).isEqualTo(200);

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
		// no payment yet: the answer links to where it is opened, the cashier of the provider
		assertThat(placed.json().get("payment").asText()).isEqualTo("/api/orders/" + placed.id() + "/payment");
		assertThat(buyer.post(placed.json().get("payment").asText(), Map.of()).json().get("cashierUrl").asText())
			.startsWith("/pay/sim/");

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
		assertThat(OrderingFixtures.pay(resident, placed.json().get("payment").asText()).status()).isEqualTo(200);
		assertThat(OrderingFixtures.awaitStatus(resident, placed.id(), "PAID").get("status").asText()).isEqualTo("PAID");

		cutoffOrders.confirmForCutoff(world.region.id(), grapes.pickupDate());

		assertThat(resident.get("/api/orders/" + placed.id()).json().get("status").asText()).isEqualTo("CONFIRMED");
		var timeline = orders.timeline(new OrderId(placed.id()));
		assertThat(timeline).extracting(e -> e.status() == null ? null : e.status().name())
			.containsExactly("PENDING_PAYMENT", "PAID", "CONFIRMED");
		assertThat(timeline.get(2).messageKey()).isEqualTo("ordering.timeline.confirmed");
		assertThat(timeline.get(2).at()).isAfterOrEqualTo(timeline.get(1).at());
	}

	// ------------------------------------------------------------------ input: whole numbers only, retried checkout

	@Test
	void aFractionalQuantityIsRefusedNamingTheFieldAndChangesNothing() {
		var pears = world.listing("砀山酥梨", "9.90", 100, 5);
		var resident = world.resident();

		var added = resident.post("/api/cart/items", Map.of("listingId", pears.id().value(), "quantity", 1.5));
		assertThat(added.status()).as(added.toString()).isEqualTo(400);
		assertThat(added.errorFields()).containsExactly("quantity");
		assertThat(resident.get("/api/cart").json().get("items")).isEmpty();

		var placed = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", pears.id().value(),
				"quantity", 2.5))), Map.of("Idempotency-Key", "frac-" + System.nanoTime()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(400);
		assertThat(placed.errorFields()).containsExactly("items[0].quantity");
		assertThat(resident.get("/api/orders").json()).isEmpty();

		var set = resident.put("/api/cart/items/" + pears.id().value(), Map.of("quantity", 1.0001));
		assertThat(set.status()).as(set.toString()).isEqualTo(400);
		assertThat(set.errorFields()).containsExactly("quantity");
	}

	@Test
	void aRetriedCheckoutAnswersTheOrderItMadeNotAnEmptyCart() {
		var kiwis = world.listing("徐香猕猴桃", "15.90", 100, 5);
		var resident = world.resident();
		resident.post("/api/cart/items", Map.of("listingId", kiwis.id().value(), "quantity", 2));
		String key = "retry-" + System.nanoTime();

		var first = resident.post("/api/cart/checkout", Map.of(), Map.of("Idempotency-Key", key));
		var again = resident.post("/api/cart/checkout", Map.of(), Map.of("Idempotency-Key", key));

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(resident.get("/api/orders").json()).hasSize(1);
		// a new key with the cart now empty is still refused
		var fresh = resident.post("/api/cart/checkout", Map.of(), Map.of("Idempotency-Key", key + "-new"));
		assertThat(fresh.status()).isEqualTo(409);
		assertThat(fresh.json().get("code").asText()).isEqualTo("cart-empty");
	}

	// ------------------------------------------------------------------ the resident's note

	@Test
	void theResidentsNoteIsStoredWithTheOrderAndShownToTheLeader() {
		var dates = world.listing("冬枣", "12.80", 100, 5);
		var resident = world.resident();
		resident.post("/api/cart/items", Map.of("listingId", dates.id().value(), "quantity", 1));

		var tooLong = resident.post("/api/cart/checkout", Map.of("note", "长".repeat(201)),
				Map.of("Idempotency-Key", "note-long-" + System.nanoTime()));
		assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
		assertThat(tooLong.errorFields()).containsExactly("note");
		assertThat(resident.get("/api/orders").json()).isEmpty();

		var placed = resident.post("/api/cart/checkout", Map.of("note", "  晚上七点后来取，请留在冷柜  "),
				Map.of("Idempotency-Key", "note-" + System.nanoTime()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		assertThat(placed.json().get("note").asText()).isEqualTo("晚上七点后来取，请留在冷柜");
		assertThat(resident.get("/api/orders/" + placed.id()).json().get("note").asText())
			.isEqualTo("晚上七点后来取，请留在冷柜");
		assertThat(orders.get(new OrderId(placed.id())).note()).isEqualTo("晚上七点后来取，请留在冷柜");
	}

	// ------------------------------------------------------------------ the operator's actions on one order

	Api operator() {
		return com.linli.marketing.MarketingFixtures.operatorOf(Api.at(port), world.region);
	}

	long audited(String action, long orderId) {
		return jdbc.sql("select count(*) from identity.audit_log where action = ? and target = ?")
			.params(action, "order:" + orderId).query(Long.class).single();
	}

	@Test
	void anOperatorRefundsALineOnceWhateverTheRetriesNeverBeyondWhatWasPaidAudited() {
		var melons = world.listing("麒麟西瓜", "25.00", 100, 5);
		var resident = world.resident();
		var order = new com.linli.fulfilment.FulfilmentFixtures(world, port).paidOrder(resident, melons, 3);
		long id = order.get("id").asLong();
		long line = order.get("lines").get(0).get("id").asLong();
		var operator = operator();
		String path = "/api/admin/orders/" + id + "/lines/" + line + "/refund";

		var refunded = operator.post(path, Map.of("quantity", 2, "reason", "QUALITY"), Map.of("Idempotency-Key", "r1-" + id));
		var retried = operator.post(path, Map.of("quantity", 2, "reason", "QUALITY"), Map.of("Idempotency-Key", "r1-" + id));

		assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
		assertThat(refunded.json().get("refundedFen").asLong()).isEqualTo(5000);
		assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
		assertThat(retried.json().get("refundedFen").asLong()).isEqualTo(5000);
		assertThat(retried.json().get("lines").get(0).get("refundedQuantity").asInt()).isEqualTo(2);
		assertThat(retried.json().get("refunds")).hasSize(1);
		assertThat(retried.json().get("refunds").get(0).get("reason").asText()).isEqualTo("QUALITY");
		assertThat(audited("order.refund", id)).isEqualTo(1);

		// two more units than are left: refused, nothing changes
		var beyond = operator.post(path, Map.of("quantity", 2, "reason", "DAMAGED"), Map.of("Idempotency-Key", "r2-" + id));
		assertThat(beyond.status()).as(beyond.toString()).isEqualTo(409);
		assertThat(beyond.errorFields()).containsExactly("quantity");
		var fraction = operator.post(path, Map.of("quantity", 1.5, "reason", "DAMAGED"), Map.of("Idempotency-Key", "r3-" + id));
		assertThat(fraction.status()).isEqualTo(400);
		assertThat(fraction.errorFields()).containsExactly("quantity");
		var noReason = operator.post(path, Map.of("quantity", 1), Map.of("Idempotency-Key", "r4-" + id));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.errorFields()).containsExactly("reason");
		var badReason = operator.post(path, Map.of("quantity", 1, "reason", "BORED"), Map.of("Idempotency-Key", "r5-" + id));
		assertThat(badReason.status()).isEqualTo(400);
		assertThat(badReason.errorFields()).containsExactly("reason");
		var noKey = operator.post(path, Map.of("quantity", 1, "reason", "DAMAGED"));
		assertThat(noKey.status()).isEqualTo(400);
		assertThat(noKey.errorFields()).containsExactly("Idempotency-Key");
		assertThat(resident.get("/api/orders/" + id).json().get("refundedFen").asLong()).isEqualTo(5000);

		var last = operator.post(path, Map.of("quantity", 1, "reason", "DAMAGED"), Map.of("Idempotency-Key", "r6-" + id));
		assertThat(last.status()).as(last.toString()).isEqualTo(200);
		assertThat(resident.get("/api/orders/" + id).json().get("refundedFen").asLong()).isEqualTo(7500);
		assertThat(audited("order.refund", id)).isEqualTo(2);
		assertThat(orders.timeline(new OrderId(id))).extracting(e -> e.messageKey())
			.contains("ordering.timeline.staffRefund");
	}

	@Test
	void anOperatorCancelsAPaidOrderBeforeCutoffWithAFullRefundOnceAudited() {
		var plums = world.listing("三华李", "18.00", 100, 5);
		var resident = world.resident();
		var order = new com.linli.fulfilment.FulfilmentFixtures(world, port).paidOrder(resident, plums, 2);
		long id = order.get("id").asLong();
		var operator = operator();

		var cancelled = operator.post("/api/admin/orders/" + id + "/cancel", Map.of());
		var again = operator.post("/api/admin/orders/" + id + "/cancel", Map.of());

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("refundedFen").asLong()).isEqualTo(3600);
		assertThat(again.status()).isEqualTo(200);
		assertThat(resident.get("/api/orders/" + id).json().get("refundedFen").asLong()).isEqualTo(3600);
		assertThat(audited("order.cancel", id)).isEqualTo(1);
		assertThat(listings.get(plums.id()).sold()).isZero();
	}

	@Test
	void afterCutoffTheOperatorCannotCancelButCanRefundLines() {
		var figs = world.listing("威海无花果", "16.00", 100, 5);
		var resident = world.resident();
		var order = new com.linli.fulfilment.FulfilmentFixtures(world, port).paidOrder(resident, figs, 1);
		long id = order.get("id").asLong();
		cutoffOrders.confirmForCutoff(world.region.id(), world.pickupDate);

		var refused = operator().post("/api/admin/orders/" + id + "/cancel", Map.of());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().get("code").asText()).isEqualTo("not-cancellable");
		assertThat(resident.get("/api/orders/" + id).json().get("status").asText()).isEqualTo("CONFIRMED");
		assertThat(audited("order.cancel", id)).isZero();
	}

	@Test
	void anInternalNoteIsShownToStaffOnTheTimelineNeverToTheResidentAndAudited() {
		var pomelos = world.listing("琯溪蜜柚", "19.90", 100, 5);
		var resident = world.resident();
		var order = new com.linli.fulfilment.FulfilmentFixtures(world, port).order(resident, pomelos, 1);
		long id = order.get("id").asLong();
		var operator = operator();

		var blank = operator.post("/api/admin/orders/" + id + "/notes", Map.of("text", "  "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.errorFields()).containsExactly("text");
		var noted = operator.post("/api/admin/orders/" + id + "/notes", Map.of("text", "居民来电：周六再取"));
		assertThat(noted.status()).as(noted.toString()).isEqualTo(200);

		assertThat(audited("order.note", id)).isEqualTo(1);
		assertThat(orders.timeline(new OrderId(id))).extracting(e -> e.messageKey())
			.doesNotContain("ordering.timeline.staffNote");
		var console = WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD).get("/console/orders/" + id);
		assertThat(console.body()).contains("居民来电：周六再取");
	}

	@Test
	void anOperatorReachesOnlyTheOrdersOfTheirRegionsAndResidentsNone() {
		var lychees = world.listing("妃子笑荔枝", "39.00", 100, 5);
		var resident = world.resident();
		var order = new com.linli.fulfilment.FulfilmentFixtures(world, port).paidOrder(resident, lychees, 2);
		long id = order.get("id").asLong();
		long line = order.get("lines").get(0).get("id").asLong();
		var elsewhere = com.linli.marketing.MarketingFixtures.operatorOf(Api.at(port),
				new com.linli.marketing.MarketingFixtures(context).region());

		assertThat(elsewhere.get("/api/admin/orders/" + id).status()).isEqualTo(404);
		assertThat(elsewhere.post("/api/admin/orders/" + id + "/lines/" + line + "/refund",
				Map.of("quantity", 1, "reason", "QUALITY"), Map.of("Idempotency-Key", "x-" + id)).status()).isEqualTo(404);
		assertThat(elsewhere.post("/api/admin/orders/" + id + "/cancel", Map.of()).status()).isEqualTo(404);
		assertThat(elsewhere.post("/api/admin/orders/" + id + "/notes", Map.of("text", "x")).status()).isEqualTo(404);
		assertThat(resident.post("/api/admin/orders/" + id + "/cancel", Map.of()).status()).isEqualTo(403);

		var mine = resident.get("/api/orders/" + id).json();
		assertThat(mine.get("status").asText()).isEqualTo("PAID");
		assertThat(mine.get("refundedFen").asLong()).isZero();
		assertThat(audited("order.refund", id) + audited("order.cancel", id) + audited("order.note", id)).isZero();
		assertThat(operator().get("/api/admin/orders/" + id).status()).isEqualTo(200);
	}
}
