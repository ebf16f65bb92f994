package com.linli.marketing.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.PointsManagement;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.shared.Text;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11's end-to-end check, through HTTP: orders that use a member price, a tiered full reduction, a coupon
 * and points together; one is cancelled after payment (everything it used comes back), another loses a unit at
 * receipt (the unit's share of what was paid is refunded, its points given back); every amount is checked to
 * the fen, the coupons, the points ledger, and the leader's commission on what was actually paid.
 */
@IntegrationTest
class PromotionsEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	PointsManagement points;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void memberPriceReductionCouponAndPointsTogetherThenACancellationAndAShortageToTheFen() {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		long region = world.region.id().value();
		Api operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		Api admin = Api.at(port).asAdmin();
		Listing apples = world.listing("联动苹果" + MarketingFixtures.next(), "12.00", 100, 10);
		Listing rice = world.listing("联动大米" + MarketingFixtures.next(), "49.90", 100, 10);
		var leader = pickups.leader(world.pickupPoint);
		ok(admin.put("/api/commission/schemes/" + region,
				Map.of("bands", List.of(Map.of("floorFen", 0, "rateBasisPoints", 800)), "overrides", List.of())));

		// the promotions: a member price for every level, 满39减5 / 满69减12, a 3-yuan coupon from 50 yuan
		ok(operator.put("/api/admin/marketing/member-prices",
				Map.of("listingId", apples.id().value(), "minRank", 0, "priceFen", 1000)));
		ok(operator.post("/api/admin/marketing/reductions", Map.of("regionId", region, "name", "满减联动",
				"endsAt", clock.instant().plusSeconds(86_400 * 3).toString(), "tiers",
				List.of(Map.of("thresholdFen", 3900, "amountFen", 500), Map.of("thresholdFen", 6900, "amountFen", 1200)))));
		var template = ok(operator.post("/api/admin/marketing/coupon-templates",
				Map.of("name", "满50减3", "kind", "FIXED", "amountFen", 300, "thresholdFen", 5000, "scope", "ALL",
						"regionIds", List.of(region), "validDays", 7, "perResidentLimit", 2, "totalQuantity", 100)));
		long templateId = template.json().get("id").asLong();

		Api ann = world.resident();
		AccountId annId = new AccountId(ann.get("/api/me").json().get("id").asLong());
		ok(ann.post("/api/marketing/coupons/claims", Map.of("templateId", templateId)));
		ok(ann.post("/api/marketing/coupons/claims", Map.of("templateId", templateId)));
		points.award(Actor.system("test"), annId, 2000, Text.of("marketing.test.points"), "e2e:" + annId.value(),
				clock.instant());

		// order A: 3 apples at the member price (3600 - 600), rice 4990; 7990 reaches 满69减12; the coupon; 500 points
		var bodyA = Map.<String, Object>of("items", List.of(item(apples, 3), item(rice, 1)), "points", 500);
		var quoteA = ok(ann.post("/api/marketing/price-quotes", bodyA)).json();
		assertThat(quoteA.get("subtotalFen").asLong()).isEqualTo(8590);
		assertThat(quoteA.get("deductions")).extracting(d -> d.get("kind").asText() + " " + d.get("amountFen").asLong())
			.containsExactly("MEMBER_PRICE 600", "FULL_REDUCTION 1200", "COUPON 300", "POINTS 500");
		assertThat(quoteA.get("payableFen").asLong()).isEqualTo(5990);
		var orderA = place(ann, bodyA);
		assertThat(orderA.get("totalFen").asLong()).isEqualTo(5990);
		// every deduction is split over the lines in proportion to what each still cost, to the fen
		var applesA = line(orderA, apples);
		var riceA = line(orderA, rice);
		assertThat(discounts(applesA)).isEqualTo(Map.of("MEMBER_PRICE", 600L, "FULL_REDUCTION", 451L, "COUPON", 113L,
				"POINTS", 188L));
		assertThat(discounts(riceA)).isEqualTo(Map.of("FULL_REDUCTION", 749L, "COUPON", 187L, "POINTS", 312L));
		assertThat(applesA.get("paidFen").asLong()).isEqualTo(2248);
		assertThat(riceA.get("paidFen").asLong()).isEqualTo(3742);
		assertThat(applesA.get("paidFen").asLong() + riceA.get("paidFen").asLong()).isEqualTo(5990);
		assertThat(coupons(ann, "USED")).hasSize(1);
		assertThat(balance(ann)).isEqualTo(1500);
		pay(ann, orderA);
		assertThat(balance(ann)).as("1 point per whole yuan paid").isEqualTo(1500 + 59);

		// order B: 1 apple (1000) and rice (4990): 满39减5, the second coupon, 200 points -> 4990; paid, then cancelled
		var bodyB = Map.<String, Object>of("items", List.of(item(apples, 1), item(rice, 1)), "points", 200);
		var orderB = place(ann, bodyB);
		assertThat(orderB.get("totalFen").asLong()).isEqualTo(6190 - 200 - 500 - 300 - 200);
		assertThat(discounts(line(orderB, apples))).isEqualTo(Map.of("MEMBER_PRICE", 200L, "FULL_REDUCTION", 83L,
				"COUPON", 50L, "POINTS", 33L));
		assertThat(discounts(line(orderB, rice))).isEqualTo(Map.of("FULL_REDUCTION", 417L, "COUPON", 250L, "POINTS", 167L));
		assertThat(coupons(ann, "USED")).hasSize(2);
		pay(ann, orderB);
		assertThat(balance(ann)).isEqualTo(1559 - 200 + 49);
		var cancelled = ok(ann.post("/api/orders/" + orderB.get("id").asLong() + "/cancel", Map.of())).json();
		assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
		var refundedB = awaitRefunded(ann, orderB.get("id").asLong(), 4990);
		assertThat(refundedB.get("refundedFen").asLong()).isEqualTo(4990);
		assertThat(coupons(ann, "RETURNED")).as("the coupon of a cancelled order comes back").hasSize(1);
		assertThat(coupons(ann, "USED")).hasSize(1);
		assertThat(balance(ann)).as("spent points given back, earned ones reversed").isEqualTo(1559);

		// cutoff; at receipt one apple of order A is missing: that unit's share of what the line paid comes back
		cutoffOrders.confirmForCutoff(world.region.id(), world.pickupDate);
		long applesLineA = applesA.get("id").asLong();
		deliveryOrders.receive(world.pickupPoint.id(), world.pickupDate, Map.of(new OrderLineId(applesLineA), 1), null);
		var readyA = OrderingFixtures.awaitStatus(ann, orderA.get("id").asLong(), "READY_FOR_PICKUP");
		assertThat(readyA.get("status").asText()).isEqualTo("READY_FOR_PICKUP");
		// one unit of three carries 2248 split [1, 2] -> 749, and of the 188 points fen -> 63
		assertThat(line(readyA, apples).get("refundedFen").asLong()).isEqualTo(749);
		assertThat(readyA.get("refundedFen").asLong()).isEqualTo(749);
		long reversed = jdbc.sql("""
				select coalesce(sum(points), 0) from marketing.points_entry
				 where resident_id = ? and kind = 'REVERSED'""").param(annId.value()).query(Long.class).single();
		long givenBack = jdbc.sql("""
				select coalesce(sum(points), 0) from marketing.points_entry
				 where resident_id = ? and kind = 'GIVEN_BACK'""").param(annId.value()).query(Long.class).single();
		// order B gave back 200 and reversed its 49; the missing apple gives back 63 and reverses 59 x 749 / 5990
		assertThat(givenBack).isEqualTo(200 + 63);
		assertThat(reversed).isEqualTo(49 + 7);
		assertThat(balance(ann)).isEqualTo(1559 + 63 - 7);
		assertLedgerBalances(annId);

		// the leader hands out the rest: commission at 8% on what was actually paid for it (1499 + 3742)
		ok(leader.api().post("/api/leader/pickups", Map.of("pickupCode", readyA.get("pickupCode").asText())));
		var entries = awaitCommission(List.of(applesLineA, riceA.get("id").asLong()));
		assertThat(entries).extracting(e -> e.get("base") + "/" + e.get("amount")).containsExactlyInAnyOrder(
				(2248 - 749) + "/" + 120, 3742 + "/" + 299);
	}

	private static Map<String, Object> item(Listing listing, int quantity) {
		return Map.of("listingId", listing.id().value(), "quantity", quantity);
	}

	private static Api.Response ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 299);
		return response;
	}

	private static JsonNode place(Api resident, Map<String, Object> body) {
		var placed = resident.post("/api/orders", body, Map.of("Idempotency-Key", "e2e-" + System.nanoTime()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		return placed.json();
	}

	private static void pay(Api resident, JsonNode order) {
		ok(OrderingFixtures.pay(resident, order.get("payment").asText()));
		assertThat(OrderingFixtures.awaitStatus(resident, order.get("id").asLong(), "PAID").get("paidFen").asLong())
			.isEqualTo(order.get("totalFen").asLong());
	}

	private static JsonNode line(JsonNode order, Listing listing) {
		for (JsonNode line : order.get("lines")) {
			if (line.get("listingId").asLong() == listing.id().value()) {
				return line;
			}
		}
		throw new AssertionError("no line of listing " + listing.id() + " in " + order);
	}

	private static Map<String, Long> discounts(JsonNode line) {
		var map = new java.util.HashMap<String, Long>();
		line.get("discountsFen").properties().forEach(e -> map.put(e.getKey(), e.getValue().asLong()));
		return map;
	}

	private static List<JsonNode> coupons(Api resident, String status) {
		List<JsonNode> found = new ArrayList<>();
		resident.get("/api/marketing/coupons/mine?status=" + status).json().forEach(found::add);
		return found;
	}

	private static long balance(Api resident) {
		return resident.get("/api/marketing/points").json().get("balance").asLong();
	}

	private static JsonNode awaitRefunded(Api resident, long orderId, long fen) {
		Deadline deadline = Deadline.inMillis(15_000);
		JsonNode order = resident.get("/api/orders/" + orderId).json();
		while (order.get("refundedFen").asLong() < fen && !deadline.passed()) {
			sleep();
			order = resident.get("/api/orders/" + orderId).json();
		}
		return order;
	}

	/** The ledger of the resident adds up: earned − spent − expired − reversed + given back = the balance row. */
	private void assertLedgerBalances(AccountId resident) {
		long entries = jdbc.sql("""
				select coalesce(sum(case when kind in ('EARNED', 'GIVEN_BACK') then points else -points end), 0)
				  from marketing.points_entry where resident_id = ?""")
			.param(resident.value()).query(Long.class).single();
		long balance = jdbc.sql("select balance from marketing.points_account where resident_id = ?")
			.param(resident.value()).query(Long.class).single();
		assertThat(entries).isEqualTo(balance);
	}

	private List<Map<String, Object>> awaitCommission(List<Long> lines) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (true) {
			var rows = jdbc.sql("""
					select base_fen as base, amount_fen as amount from leader.commission_entry
					 where order_line_id = any(?) and kind = 'ACCRUAL'""")
				.param(lines.toArray(Long[]::new)).query().listOfRows();
			if (rows.size() >= lines.size() || deadline.passed()) {
				return rows;
			}
			sleep();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
