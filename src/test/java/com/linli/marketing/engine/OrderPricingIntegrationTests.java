package com.linli.marketing.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderRefundManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.shared.Money;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The price engine in the order path, through HTTP: an order without promotions is what it always was; a
 * discounted order is charged the quote its preview showed, each line keeps its share of every deduction
 * and its paid amount, refunds give back the refunded units' portion of what was paid (all of them the
 * line's paid amount), marketing is told once per event in the order's transaction (a refusal undoes the
 * order), and the leader's commission is earned on what was paid. The discounts come from the test-only
 * calculators of {@link EngineTestPromotions}, for enrolled residents only.
 */
@IntegrationTest
class OrderPricingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ListingManagement listings;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	OrderRefundManagement refundOrders;

	@Autowired
	JdbcClient jdbc;

	OrderingFixtures world;

	PickupFixtures pickups;

	Listing apples;

	Listing pears;

	@BeforeEach
	void world() {
		world = new OrderingFixtures(context, port);
		pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		apples = world.listing("引擎苹果", "10.00", 500, 20); // 1000 fen a unit
		pears = world.listing("引擎梨", "3.33", 500, 20); // 333 fen a unit
	}

	static AccountId idOf(Api resident) {
		return new AccountId(resident.get("/api/me").id());
	}

	static List<Map<String, Object>> items(Object... listingsAndQuantities) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < listingsAndQuantities.length; i += 2) {
			items.add(Map.of("listingId", ((Listing) listingsAndQuantities[i]).id().value(), "quantity",
					listingsAndQuantities[i + 1]));
		}
		return items;
	}

	static Api.Response place(Api resident, Map<String, Object> body) {
		return resident.post("/api/orders", body, Map.of("Idempotency-Key", "engine-" + System.nanoTime()));
	}

	@Test
	void anOrderWithoutPromotionsIsWhatItAlwaysWas() {
		var resident = world.resident();
		EngineTestPromotions.WATCHED.add(idOf(resident));
		var placed = place(resident, Map.of("items", items(apples, 3, pears, 2)));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		var order = placed.json();
		assertThat(order.get("totalFen").asLong()).isEqualTo(3000 + 666);
		for (JsonNode line : order.get("lines")) {
			assertThat(line.get("discountsFen").isEmpty()).isTrue();
			assertThat(line.get("paidFen").asLong()).isEqualTo(line.get("amountFen").asLong());
		}
		// the preview of the same items says the same
		var quote = resident.post("/api/marketing/price-quotes", Map.of("items", items(apples, 3, pears, 2)));
		assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
		assertThat(quote.json().get("payableFen").asLong()).isEqualTo(3666);
		assertThat(quote.json().get("deductions").isEmpty()).isTrue();

		long id = placed.id();
		OrderingFixtures.pay(resident, order.get("payment").asText());
		OrderingFixtures.awaitStatus(resident, id, "PAID");
		long applesLine = lineOf(order, "引擎苹果");
		var refunded = refundOrders.refundLine(new OrderId(id), new OrderLineId(applesLine), 1, "engine-plain", "DAMAGED",
				"坏果", false);
		assertThat(refunded).isEqualTo(Money.ofFen(1000));
		assertThat(stored(applesLine)).containsEntry("paid_fen", 3000L).containsEntry("refunded_fen", 1000L);

		var calls = EngineTestPromotions.callsOf(id);
		assertThat(calls).extracting(EngineTestPromotions.Call::what).containsExactly("placed", "paid", "refunded");
		assertThat(calls.get(1).amount()).isEqualTo(Money.ofFen(3666));
		assertThat(calls.get(2).shares()).isEmpty();
		assertThat(calls.get(2).amount()).isEqualTo(Money.ofFen(1000));
	}

	@Test
	void aDiscountedOrderIsChargedItsPreviewAndEveryLineKeepsItsShares() {
		var resident = world.resident();
		var residentId = idOf(resident);
		// 1 yuan off an apple, 5 yuan off the order, 100 points (1 yuan) of the resident's real points
		EngineTestPromotions.PLANS.put(residentId, new EngineTestPromotions.Plan(100, 500, 0));
		EngineTestPromotions.givePoints(context, residentId, 1000);
		var body = Map.<String, Object>of("items", items(apples, 3, pears, 2), "coupon", "none", "points", 100);

		var quote = resident.post("/api/marketing/price-quotes", body);
		assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
		var q = quote.json();
		// 3000 + 666 = 3666; member 300 -> 3366; reduction 500 -> 2866; points 100 -> 2766
		assertThat(q.get("subtotalFen").asLong()).isEqualTo(3666);
		assertThat(q.get("payableFen").asLong()).isEqualTo(2766);
		assertThat(q.get("discountFen").asLong()).isEqualTo(900);
		assertThat(q.get("pointsUsed").asLong()).isEqualTo(100);
		assertThat(q.get("deductions")).extracting(d -> d.get("kind").asText())
			.containsExactly("MEMBER_PRICE", "FULL_REDUCTION", "POINTS");
		assertThat(q.get("deductions")).extracting(d -> d.get("amountFen").asLong()).containsExactly(300L, 500L, 100L);
		assertThat(q.get("deductions").get(1).get("label").asText()).isEqualTo("满减");
		var english = resident.post("/api/marketing/price-quotes", body, Map.of("Accept-Language", "en"));
		assertThat(english.status()).isEqualTo(200);
		assertThat(english.json().get("deductions").get(1).get("label").asText()).isEqualTo("Spend-and-save");
		assertThat(english.json().get("deductions").get(2).get("kindLabel").asText()).isEqualTo("Points");

		var placed = place(resident, body);
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		var order = placed.json();
		assertThat(order.get("totalFen").asLong()).isEqualTo(2766);
		long paidSum = 0;
		for (JsonNode line : order.get("lines")) {
			JsonNode quoted = null;
			for (JsonNode l : q.get("lines")) {
				if (l.get("listingId").asLong() == line.get("listingId").asLong()) {
					quoted = l;
				}
			}
			assertThat(quoted).isNotNull();
			assertThat(line.get("discountsFen")).isEqualTo(quoted.get("discountsFen"));
			assertThat(line.get("paidFen").asLong()).isEqualTo(quoted.get("payableFen").asLong());
			paidSum += line.get("paidFen").asLong();
		}
		assertThat(paidSum).isEqualTo(2766);
		long applesLine = lineOf(order, "引擎苹果");
		var row = stored(applesLine);
		assertThat(row.get("member_price_fen")).isEqualTo(300L);
		assertThat(row.get("paid_fen")).isEqualTo(row.get("amount_fen") - row.get("member_price_fen")
				- row.get("full_reduction_fen") - row.get("points_fen"));

		// marketing saw the order placed at that quote, with the ids of its lines
		long id = placed.id();
		var placedCall = EngineTestPromotions.callsOf(id).get(0);
		assertThat(placedCall.what()).isEqualTo("placed");
		assertThat(placedCall.placed().quote().payable()).isEqualTo(Money.ofFen(2766));
		assertThat(placedCall.placed().lineIds()).containsEntry(apples.id(), applesLine);

		OrderingFixtures.pay(resident, order.get("payment").asText());
		assertThat(OrderingFixtures.awaitStatus(resident, id, "PAID").get("paidFen").asLong()).isEqualTo(2766);

		// three refunds of one apple each: the units' portions of what the line paid, adding up to it
		long linePaid = row.get("paid_fen");
		long back = 0;
		for (int i = 0; i < 3; i++) {
			back += refundOrders.refundLine(new OrderId(id), new OrderLineId(applesLine), 1, "engine-" + i, "DAMAGED",
					"坏果", false).fen();
		}
		assertThat(back).isEqualTo(linePaid);
		assertThat(stored(applesLine).get("refunded_fen")).isEqualTo(linePaid);
		var refunds = EngineTestPromotions.callsOf(id).stream().filter(c -> c.what().equals("refunded")).toList();
		assertThat(refunds).hasSize(3);
		for (DiscountKind kind : List.of(DiscountKind.MEMBER_PRICE, DiscountKind.FULL_REDUCTION, DiscountKind.POINTS)) {
			long sum = refunds.stream().mapToLong(c -> c.shares().getOrDefault(kind, Money.ZERO).fen()).sum();
			assertThat(sum).as(kind.name()).isEqualTo(row.get(kind.name().toLowerCase() + "_fen"));
		}
		// a retry of a refund refunds nothing and tells marketing nothing
		refundOrders.refundLine(new OrderId(id), new OrderLineId(applesLine), 1, "engine-0", "DAMAGED", "坏果", false);
		assertThat(EngineTestPromotions.callsOf(id).stream().filter(c -> c.what().equals("refunded"))).hasSize(3);
	}

	@Test
	void theCartCheckoutTakesTheChoicesAndItsPreviewIsWhatItCharges() {
		var resident = world.resident();
		EngineTestPromotions.PLANS.put(idOf(resident), new EngineTestPromotions.Plan(0, 123, 0));
		EngineTestPromotions.givePoints(context, idOf(resident), 100);
		resident.post("/api/cart/items", Map.of("listingId", apples.id().value(), "quantity", 2));
		resident.post("/api/cart/items", Map.of("listingId", pears.id().value(), "quantity", 1));

		var quote = resident.post("/api/marketing/price-quotes", Map.of("points", 10));
		assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
		assertThat(quote.json().get("payableFen").asLong()).isEqualTo(2333 - 123 - 10);

		var order = resident.post("/api/cart/checkout", Map.of("points", 10),
				Map.of("Idempotency-Key", "engine-cart-" + System.nanoTime()));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		assertThat(order.json().get("totalFen").asLong()).isEqualTo(quote.json().get("payableFen").asLong());
	}

	@Test
	void aRefusalFromMarketingUndoesTheWholeOrder() {
		var resident = world.resident();
		var residentId = idOf(resident);
		EngineTestPromotions.REFUSED.add(residentId);
		int soldBefore = listings.get(apples.id()).sold();

		var refused = place(resident, Map.of("items", items(apples, 2)));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().get("code").asText()).isEqualTo("test-refused");
		assertThat(resident.get("/api/orders").json()).isEmpty();
		assertThat(listings.get(apples.id()).sold()).isEqualTo(soldBefore);
		assertThat(jdbc.sql("select count(*) from ordering.orders where resident_id = ?").param(residentId.value())
			.query(Long.class).single()).isZero();
	}

	@Test
	void cancellingTellsMarketingOnce() {
		var resident = world.resident();
		EngineTestPromotions.PLANS.put(idOf(resident), new EngineTestPromotions.Plan(0, 200, 0));
		var placed = place(resident, Map.of("items", items(apples, 1)));
		long id = placed.id();
		OrderingFixtures.pay(resident, placed.json().get("payment").asText());
		OrderingFixtures.awaitStatus(resident, id, "PAID");

		var cancelled = resident.post("/api/orders/" + id + "/cancel", Map.of());
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().get("refundedFen").asLong()).isEqualTo(800);
		// a second cancel of the cancelled order moves nothing and tells marketing nothing
		resident.post("/api/orders/" + id + "/cancel", Map.of());
		assertThat(EngineTestPromotions.callsOf(id)).extracting(EngineTestPromotions.Call::what)
			.containsExactly("placed", "paid", "cancelled");
	}

	@Test
	void whatArrivesShortIsRefundedAtWhatWasPaidAndAnOrderWithNothingLeftEndsOnce() {
		var resident = world.resident();
		EngineTestPromotions.PLANS.put(idOf(resident), new EngineTestPromotions.Plan(100, 333, 0));
		var order = pickups.paidOrder(resident, apples, 3, pears, 1);
		long id = order.get("id").asLong();
		long applesLine = lineOf(order, "引擎苹果");
		long pearsLine = lineOf(order, "引擎梨");
		long paid = stored(applesLine).get("paid_fen") + stored(pearsLine).get("paid_fen");
		assertThat(order.get("totalFen").asLong()).isEqualTo(paid);

		cutoffOrders.confirmForCutoff(world.region.id(), world.pickupDate);
		var receipt = deliveryOrders.receive(world.pickupPoint.id(), world.pickupDate,
				Map.of(new OrderLineId(applesLine), 3, new OrderLineId(pearsLine), 1), null);

		assertThat(receipt.ordersCancelled()).isEqualTo(1);
		assertThat(receipt.refunded().fen()).isEqualTo(paid);
		assertThat(stored(applesLine).get("refunded_fen")).isEqualTo(stored(applesLine).get("paid_fen"));
		var calls = EngineTestPromotions.callsOf(id);
		assertThat(calls).extracting(EngineTestPromotions.Call::what)
			.containsExactly("placed", "paid", "refunded", "refunded", "cancelled");
		assertThat(calls.get(2).shares().get(DiscountKind.MEMBER_PRICE)).isEqualTo(Money.ofFen(300));
		assertThat(calls.get(2).amount().fen() + calls.get(3).amount().fen()).isEqualTo(paid);
	}

	@Test
	void theLeadersCommissionIsEarnedOnWhatWasPaid() {
		var admin = Api.at(port).asAdmin();
		assertThat(admin.put("/api/commission/schemes/" + world.region.id().value(),
				Map.of("bands", List.of(Map.of("floorFen", 0, "rateBasisPoints", 1000)), "overrides", List.of())).status())
			.isEqualTo(200);
		var leader = pickups.leader(world.pickupPoint);
		var resident = world.resident();
		EngineTestPromotions.PLANS.put(idOf(resident), new EngineTestPromotions.Plan(0, 1000, 0));
		var order = pickups.readyOrder(resident, world.pickupPoint, apples, 3, pears, 3);
		long applesLine = lineOf(order, "引擎苹果");
		long linePaid = stored(applesLine).get("paid_fen");
		assertThat(linePaid).isLessThan(3000);

		var handed = leader.api().post("/api/leader/pickups", Map.of("pickupCode", order.get("pickupCode").asText()));
		assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
		var accrual = awaitEntry(applesLine, "ACCRUAL");
		assertThat(accrual.get("base_fen")).isEqualTo(linePaid);
		assertThat(accrual.get("amount_fen")).isEqualTo(Math.round(linePaid * 0.1));

		// a refund of every unit after pickup gives back what was paid and reverses the whole commission
		var back = refundOrders.refundLine(new OrderId(order.get("id").asLong()), new OrderLineId(applesLine), 3,
				"engine-after", "DAMAGED", "坏果", true);
		assertThat(back.fen()).isEqualTo(linePaid);
		var reversal = awaitEntry(applesLine, "REVERSAL");
		assertThat(reversal.get("base_fen")).isEqualTo(linePaid);
		assertThat(reversal.get("amount_fen")).isEqualTo(-accrual.get("amount_fen"));
	}

	@Test
	void badChoicesAreProblemsNamingTheFieldAndChangeNothing() {
		var resident = world.resident();
		for (var bad : List.of(Map.of("points", -1), Map.of("points", 1_000_001), Map.of("coupon", "some"),
				Map.of("couponId", 0), Map.of("teamId", 0), Map.of("teamId", 3, "openTeam", true))) {
			var body = new java.util.HashMap<String, Object>(bad);
			body.put("items", items(apples, 1));
			var placed = place(resident, body);
			assertThat(placed.status()).as(bad + " -> " + placed).isEqualTo(400);
			String field = bad.containsKey("openTeam") ? "openTeam" : bad.keySet().iterator().next();
			assertThat(placed.errorFields()).as(placed.toString()).contains(field);
			var quoted = resident.post("/api/marketing/price-quotes", body);
			assertThat(quoted.status()).as(bad + " -> " + quoted).isEqualTo(400);
			assertThat(quoted.errorFields()).contains(field);
		}
		assertThat(resident.get("/api/orders").json()).isEmpty();
		var checkout = resident.post("/api/cart/checkout", Map.of("points", -5),
				Map.of("Idempotency-Key", "engine-bad-" + System.nanoTime()));
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(400);
		assertThat(checkout.errorFields()).contains("points");
	}

	@Test
	void anOperatorPreviewsForAResidentOfTheirRegionOnly() {
		var resident = world.resident();
		long residentId = idOf(resident).value();
		EngineTestPromotions.PLANS.put(new AccountId(residentId), new EngineTestPromotions.Plan(0, 300, 0));
		var operator = Api.at(port).asAdmin();
		var preview = operator.post("/api/admin/marketing/price-quotes",
				Map.of("residentId", residentId, "items", items(apples, 2)));
		assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
		assertThat(preview.json().get("payableFen").asLong()).isEqualTo(1700);
		var own = resident.post("/api/marketing/price-quotes", Map.of("items", items(apples, 2)));
		assertThat(own.json().get("payableFen").asLong()).isEqualTo(1700);

		var stranger = Api.at(port).newAccount("OPERATOR");
		var refused = stranger.post("/api/admin/marketing/price-quotes",
				Map.of("residentId", residentId, "items", items(apples, 2)));
		assertThat(refused.status()).as(refused.toString()).isIn(403, 404);
		assertThat(resident.post("/api/admin/marketing/price-quotes", Map.of("residentId", residentId)).status())
			.isEqualTo(403);
	}

	@Test
	void everyKindOfDeductionHasItsColumnOnTheOrderLine() {
		var columns = jdbc.sql("""
				select column_name from information_schema.columns
				 where table_schema = 'ordering' and table_name = 'order_line'""").query(String.class).list();
		for (DiscountKind kind : DiscountKind.values()) {
			assertThat(columns).contains(kind.name().toLowerCase() + "_fen");
		}
		assertThat(columns).contains("paid_fen");
	}

	@Test
	void theDatabaseKeepsPaidAsAmountLessSharesAndRefundsWithinIt() {
		var resident = world.resident();
		EngineTestPromotions.PLANS.put(idOf(resident), new EngineTestPromotions.Plan(0, 400, 0));
		var placed = place(resident, Map.of("items", items(apples, 2)));
		long line = lineOf(placed.json(), "引擎苹果");
		assertThat(stored(line)).containsEntry("paid_fen", 1600L);
		// more refunded than paid (though within the amount at group price): refused
		assertThat(updateFails("update ordering.order_line set refunded_fen = 1601 where id = ?", line)).isTrue();
		// a share larger than the amount would make paid negative: refused
		assertThat(updateFails("update ordering.order_line set coupon_fen = 1601 where id = ?", line)).isTrue();
		assertThat(updateFails("update ordering.order_line set coupon_fen = -1 where id = ?", line)).isTrue();
		assertThat(updateFails("update ordering.order_line set paid_fen = 2000 where id = ?", line)).isTrue();
		assertThat(updateFails("update ordering.order_line set refunded_fen = 1600 where id = ?", line)).isFalse();
		assertThat(stored(line)).containsEntry("refunded_fen", 1600L);
	}

	private boolean updateFails(String sql, long lineId) {
		try {
			jdbc.sql(sql).param(lineId).update();
			return false;
		}
		catch (org.springframework.dao.DataAccessException e) {
			return true;
		}
	}

	private Map<String, Long> stored(long lineId) {
		return jdbc.sql("""
				select amount_fen, paid_fen, refunded_fen, member_price_fen, full_reduction_fen, points_fen, coupon_fen
				  from ordering.order_line where id = ?""").param(lineId).query((rs, n) -> {
					Map<String, Long> m = new java.util.HashMap<>();
					for (String c : List.of("amount_fen", "paid_fen", "refunded_fen", "member_price_fen",
							"full_reduction_fen", "points_fen", "coupon_fen")) {
						m.put(c, rs.getLong(c));
					}
					return m;
				}).single();
	}

	private Map<String, Long> awaitEntry(long lineId, String kind) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (true) {
			var found = jdbc.sql("""
					select base_fen, amount_fen from leader.commission_entry where order_line_id = ? and kind = ?""")
				.params(lineId, kind)
				.query((rs, n) -> Map.of("base_fen", rs.getLong(1), "amount_fen", rs.getLong(2))).optional();
			if (found.isPresent()) {
				return found.get();
			}
			assertThat(deadline.passed()).as("no " + kind + " of line " + lineId + " in time").isFalse();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	private static long lineOf(JsonNode order, String skuPrefix) {
		for (JsonNode line : order.get("lines")) {
			if (line.get("skuName").asText().startsWith(skuPrefix)) {
				return line.get("id").asLong();
			}
		}
		throw new IllegalArgumentException("no line " + skuPrefix + " in " + order);
	}
}
