package com.linli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.network.PickupPoint;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole day of DESIGN.md section 2 through HTTP: listings, residents ordering at two pickup points,
 * payments (every notification sent twice, and a forged one), an expired order, a cancellation, the
 * cutoff with its sorting lists, receipt with a shortage, pickups by code, and the leaders' commission.
 * Every amount is checked to the fen: what residents paid = what was refunded + what was picked up.
 */
@IntegrationTest
class DailyLoopEndToEndTests {

	static final int APPLE_OVERRIDE_BP = 1200;

	static final int BAND_BP = 800;

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

	@Test
	void aWholeDayBalancesToTheFen() throws Exception {
		var world = new OrderingFixtures(context, port);
		var admin = Api.at(port).asAdmin();
		var operator = com.linli.marketing.MarketingFixtures.operatorOf(Api.at(port), world.region);
		PickupPoint east = world.pickupPoint;
		PickupPoint west = world.anotherPickupPoint();
		Api eastLeader = leader(admin, east);
		Api westLeader = leader(admin, west);

		// the morning before: listings go live; apples earn a category override
		var appleSku = world.sku("红富士苹果", "5斤装");
		Listing apples = world.listing(appleSku, "19.90", 50, 5);
		Listing eggs = world.listing("土鸡蛋 30枚", "22.80", 30, 2);
		Listing milk = world.listing("纯牛奶 250ml×12", "39.90", 20, 3);
		var scheme = operator.put("/api/commission/schemes/" + world.region.id().value(), Map.of(
				"bands", List.of(Map.of("floorFen", 0, "rateBasisPoints", BAND_BP),
						Map.of("floorFen", 10_000_000, "rateBasisPoints", 1000)),
				"overrides", List.of(Map.of("categoryId", appleSku.categoryId().value(), "rateBasisPoints",
						APPLE_OVERRIDE_BP))));
		assertThat(scheme.status()).as(scheme.toString()).isEqualTo(200);

		// residents order through the day
		List<Api> residents = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			residents.add(world.resident(east));
		}
		for (int i = 0; i < 4; i++) {
			residents.add(world.resident(west));
		}
		List<JsonNode> placed = new ArrayList<>();
		for (int i = 0; i < residents.size(); i++) {
			List<Map<String, Object>> items = new ArrayList<>();
			items.add(Map.of("listingId", apples.id().value(), "quantity", 1 + i % 3));
			if (i % 2 == 0) {
				items.add(Map.of("listingId", eggs.id().value(), "quantity", 1 + i % 2));
			}
			if (i % 3 == 0) {
				items.add(Map.of("listingId", milk.id().value(), "quantity", 1));
			}
			var r = residents.get(i).post("/api/orders", Map.of("items", items), Map.of("Idempotency-Key", "day-" + i));
			assertThat(r.status()).as(r.toString()).isEqualTo(201);
			placed.add(r.json());
		}

		// a forged payment notification changes nothing
		var forged = Api.at(port).post("/api/payments/notify/simulated", Map.of("transactionId", "SIM-forged",
				"merchantReference", "order:" + placed.get(0).get("id").asLong(), "amountFen", placed.get(0).get("totalFen").asLong()),
				Map.of("X-Linli-Signature", "t=1,n=abc,s=00"));
		assertThat(forged.status()).isEqualTo(401);
		assertThat(residents.get(0).get("/api/orders/" + placed.get(0).get("id").asLong()).json().get("status").asText())
			.isEqualTo("PENDING_PAYMENT");

		// everyone pays but resident 9, whose order expires; the bank sends every notification twice
		for (int i = 0; i < 9; i++) {
			assertThat(OrderingFixtures.pay(residents.get(i), placed.get(i).get("payment").asText()).status()).isEqualTo(200);
		}
		for (int i = 0; i < 9; i++) {
			assertThat(OrderingFixtures.awaitStatus(residents.get(i), placed.get(i).get("id").asLong(), "PAID")
				.get("status").asText()).isEqualTo("PAID");
		}
		long expiredId = placed.get(9).get("id").asLong();
		jdbc.sql("update ordering.orders set expires_at = ? where id = ?").params(java.sql.Timestamp.from(TestClock.now().minusSeconds(1)), expiredId).update();
		orders.expireUnpaid();
		assertThat(residents.get(9).get("/api/orders/" + expiredId).json().get("status").asText()).isEqualTo("CANCELLED");

		// resident 1 changes their mind before the cutoff: a full refund
		long cancelledId = placed.get(1).get("id").asLong();
		var cancelled = residents.get(1).post("/api/orders/" + cancelledId + "/cancel", Map.of());
		assertThat(cancelled.json().get("refundedFen").asLong()).isEqualTo(placed.get(1).get("totalFen").asLong());

		// the cutoff (the listings close hours from now: an early one, said so): orders freeze, sorting lists are made
		var started = operator.post("/api/cutoff-runs", Map.of("regionId", world.region.id().value(), "pickupDate",
				world.pickupDate.toString(), "early", true));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		JsonNode run = awaitRun(operator, started.id());
		assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
		assertThat(run.get("orders").asInt()).isEqualTo(8);
		var eastList = operator.get("/api/cutoff-runs/" + started.id() + "/pickup-points/" + east.id().value()
				+ "/sorting-list").json();
		var westList = operator.get("/api/cutoff-runs/" + started.id() + "/pickup-points/" + west.id().value()
				+ "/sorting-list").json();
		assertThat(eastList.get("orders")).hasSize(5);
		assertThat(westList.get("orders")).hasSize(3);
		long unitsOrdered = jdbc.sql("""
				select sum(l.quantity) from ordering.order_line l join ordering.orders o on o.id = l.order_id
				 where o.region_id = ? and o.status = 'CONFIRMED'""").param(world.region.id().value()).query(Long.class).single();
		assertThat(run.get("units").asLong()).isEqualTo(unitsOrdered);

		// next morning: the east leader finds one box of eggs missing
		JsonNode shortOrder = null;
		for (JsonNode order : eastList.get("orders")) {
			for (JsonNode line : order.get("lines")) {
				if (shortOrder == null && line.get("skuId").asLong() == eggs.skuId().value()) {
					shortOrder = order;
					var receipt = eastLeader.post("/api/fulfilment/my-point/" + world.pickupDate + "/receipt",
							Map.of("shortages", List.of(Map.of("orderLineId", line.get("orderLineId").asLong(), "quantity", 1)),
									"reason", "破损"));
					assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
					assertThat(receipt.json().get("refundedFen").asLong()).isEqualTo(2280);
				}
			}
		}
		assertThat(shortOrder).isNotNull();
		assertThat(westLeader.post("/api/fulfilment/my-point/" + world.pickupDate + "/receipt", Map.of()).status())
			.isEqualTo(201);

		// during the day every resident picks up with their code
		Map<Long, Api> leaderOf = Map.of(east.id().value(), eastLeader, west.id().value(), westLeader);
		for (int i = 0; i < 9; i++) {
			var order = residents.get(i).get("/api/orders/" + placed.get(i).get("id").asLong()).json();
			if (order.get("status").asText().equals("CANCELLED")) {
				continue;
			}
			assertThat(order.get("status").asText()).isEqualTo("READY_FOR_PICKUP");
			var handedOut = leaderOf.get(order.get("pickupPointId").asLong()).post("/api/leader/pickups",
					Map.of("pickupCode", order.get("pickupCode").asText()));
			assertThat(handedOut.status()).as(handedOut.toString()).isEqualTo(200);
		}

		// every fen accounted for: paid = refunded + picked up
		long paid = 0;
		long refunded = 0;
		long pickedUp = 0;
		Map<Long, Long> expectedCommission = new HashMap<>();
		for (int i = 0; i < residents.size(); i++) {
			var order = residents.get(i).get("/api/orders/" + placed.get(i).get("id").asLong()).json();
			paid += order.get("paidFen").asLong();
			refunded += order.get("refundedFen").asLong();
			for (JsonNode line : order.get("lines")) {
				long amount = line.get("unitPriceFen").asLong() * line.get("pickedUpQuantity").asLong();
				pickedUp += amount;
				if (amount > 0) {
					int rate = line.get("skuId").asLong() == apples.skuId().value() ? APPLE_OVERRIDE_BP : BAND_BP;
					expectedCommission.merge(order.get("pickupPointId").asLong(), commission(amount, rate), Long::sum);
				}
			}
		}
		long expectedRefunds = placed.get(1).get("totalFen").asLong() + 2280;
		assertThat(refunded).isEqualTo(expectedRefunds);
		assertThat(paid).isEqualTo(refunded + pickedUp);
		long paidAtBank = jdbc.sql("""
				select coalesce(sum(amount_fen), 0) - coalesce(sum(refunded_fen), 0) from payment.payment
				 where merchant_reference = any(?) and status = 'SUCCEEDED'""")
			.param(placed.stream().map(p -> "order:" + p.get("id").asLong()).toArray(String[]::new))
			.query(Long.class).single();
		assertThat(paidAtBank).isEqualTo(pickedUp);

		// each leader's commission is the scheme applied to what they handed out
		assertThat(awaitCommission(eastLeader, expectedCommission.get(east.id().value())))
			.isEqualTo(expectedCommission.get(east.id().value()));
		assertThat(awaitCommission(westLeader, expectedCommission.get(west.id().value())))
			.isEqualTo(expectedCommission.get(west.id().value()));
	}

	static long commission(long amountFen, int basisPoints) {
		return BigDecimal.valueOf(amountFen).multiply(BigDecimal.valueOf(basisPoints))
			.divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
	}

	private Api leader(Api admin, PickupPoint point) {
		String phone = Api.newPhone();
		var appointed = admin.post("/api/leaders", Map.of("phone", phone, "name", "团长" + phone.substring(7),
				"password", "leader123", "pickupPointId", point.id().value()));
		assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
		return Api.at(port).as(phone, "leader123");
	}

	private static JsonNode awaitRun(Api operator, long id) throws InterruptedException {
		Deadline deadline = Deadline.inMillis(30_000);
		JsonNode run;
		do {
			Thread.sleep(100);
			run = operator.get("/api/cutoff-runs/" + id).json();
		}
		while (!run.get("status").asText().equals("COMPLETED") && !deadline.passed());
		return run;
	}

	private static long awaitCommission(Api leader, long expected) throws InterruptedException {
		Deadline deadline = Deadline.inMillis(15_000);
		long accrued;
		do {
			accrued = leader.get("/api/leader/commission").json().get("month").get("accruedFen").asLong();
			if (accrued == expected) {
				return accrued;
			}
			Thread.sleep(100);
		}
		while (!deadline.passed());
		return accrued;
	}
}
