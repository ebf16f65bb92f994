package com.linli.ordering;

import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leader hands out orders by pickup code (核销) through the API and the phone pages: whole or line
 * by line, with a clear error for every code that must not hand anything out; leaders see only
 * their own pickup point; overdue pickups reach the operators of the region.
 */
@IntegrationTest
class PickupVerificationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	JdbcClient jdbc;

	OrderingFixtures world;

	PickupFixtures pickups;

	Listing apples;

	Listing eggs;

	@BeforeEach
	void world() {
		world = new OrderingFixtures(context, port);
		pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		apples = world.listing("红富士苹果", "19.90", 200, 5);
		eggs = world.listing("土鸡蛋 30枚", "22.80", 200, 5);
	}

	@Test
	void theLeaderHandsOutAWholeOrderByItsCode() {
		var leader = pickups.leader(world.pickupPoint);
		var resident = world.resident();
		var order = pickups.readyOrder(resident, world.pickupPoint, apples, 2, eggs, 1);
		String code = order.get("pickupCode").asText();

		var preview = leader.api().get("/api/leader/pickups/" + code);
		assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
		assertThat(preview.json().get("orderNo").asText()).isEqualTo(order.get("orderNo").asText());
		assertThat(preview.json().get("remainingUnits").asInt()).isEqualTo(3);

		var handedOut = leader.api().post("/api/leader/pickups", Map.of("pickupCode", code));
		assertThat(handedOut.status()).as(handedOut.toString()).isEqualTo(200);
		assertThat(handedOut.json().get("complete").asBoolean()).isTrue();
		assertThat(handedOut.json().get("handedOut")).hasSize(2);
		assertThat(handedOut.json().get("order").get("remainingUnits").asInt()).isZero();

		var seen = resident.get("/api/orders/" + order.get("id").asLong()).json();
		assertThat(seen.get("status").asText()).isEqualTo("PICKED_UP");
		assertThat(seen.has("pickupCode")).as("a used code is no longer shown").isFalse();
		seen.get("lines").forEach(l -> assertThat(l.get("pickedUpQuantity").asInt()).isEqualTo(l.get("quantity").asInt()));
	}

	@Test
	void theLeaderHandsOutPartOfAnOrderAndTheRestLater() {
		var leader = pickups.leader(world.pickupPoint);
		var resident = world.resident();
		var order = pickups.readyOrder(resident, world.pickupPoint, apples, 2, eggs, 1);
		String code = order.get("pickupCode").asText();
		long applesLine = lineOf(order, "红富士苹果");

		var first = leader.api().post("/api/leader/pickups", Map.of("pickupCode", code, "lineIds", List.of(applesLine)));
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().get("complete").asBoolean()).isFalse();
		assertThat(first.json().get("handedOut")).hasSize(1);
		assertThat(first.json().get("handedOut").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(first.json().get("handedOut").get(0).get("amountFen").asLong()).isEqualTo(3980);
		assertThat(resident.get("/api/orders/" + order.get("id").asLong()).json().get("status").asText())
			.isEqualTo("READY_FOR_PICKUP");

		// the same line again: nothing left of it
		var again = leader.api().post("/api/leader/pickups", Map.of("pickupCode", code, "lineIds", List.of(applesLine)));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("nothing-to-hand-out");

		var rest = leader.api().post("/api/leader/pickups", Map.of("pickupCode", code));
		assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
		assertThat(rest.json().get("complete").asBoolean()).isTrue();
		assertThat(rest.json().get("handedOut")).hasSize(1);
		assertThat(rest.json().get("handedOut").get(0).get("skuName").asText()).contains("土鸡蛋");
	}

	@Test
	void wrongUsedForeignAndEarlyCodesAreRefusedWithTheirReason() {
		var leader = pickups.leader(world.pickupPoint);
		var resident = world.resident();
		var order = pickups.readyOrder(resident, world.pickupPoint, apples, 1);
		String code = order.get("pickupCode").asText();
		// an order of another pickup point of the region, ready there
		var otherPoint = world.anotherPickupPoint();
		var neighbour = world.resident(otherPoint);
		var foreign = pickups.readyOrder(neighbour, otherPoint, eggs, 1);
		// an order paid but not received yet
		var early = pickups.paidOrder(world.resident(), apples, 1);

		String wrong = code.equals("000000") ? "000001" : "000000";
		if (wrong.equals(foreign.get("pickupCode").asText()) || wrong.equals(early.get("pickupCode").asText())) {
			wrong = "999999";
		}
		assertRefused(leader.api(), wrong, "pickup-code-wrong");
		assertRefused(leader.api(), foreign.get("pickupCode").asText(), "pickup-code-other-point");
		assertRefused(leader.api(), early.get("pickupCode").asText(), "not-ready");

		assertThat(leader.api().post("/api/leader/pickups", Map.of("pickupCode", code)).status()).isEqualTo(200);
		assertRefused(leader.api(), code, "pickup-code-used");

		var malformed = leader.api().post("/api/leader/pickups", Map.of("pickupCode", "12ab"));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.errorFields()).containsExactly("pickupCode");
		var blank = leader.api().post("/api/leader/pickups", Map.of("pickupCode", " "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.errorFields()).containsExactly("pickupCode");
		var notOfTheOrder = leader.api().post("/api/leader/pickups",
				Map.of("pickupCode", foreign.get("pickupCode").asText(), "lineIds", List.of(lineOf(order, "红富士苹果"))));
		assertThat(notOfTheOrder.status()).isEqualTo(409);

		// nothing changed for the refused orders
		assertThat(neighbour.get("/api/orders/" + foreign.get("id").asLong()).json().get("status").asText())
			.isEqualTo("READY_FOR_PICKUP");
	}

	@Test
	void theQrCodeHandsOutOnlyTheOrderItNames() {
		var leader = pickups.leader(world.pickupPoint);
		var resident = world.resident();
		var order = pickups.readyOrder(resident, world.pickupPoint, apples, 1);
		String code = order.get("pickupCode").asText();

		var stale = leader.api().post("/api/leader/pickups",
				Map.of("pickupCode", "LINLI-PICKUP:" + code + ":26010199999999"));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("code").asText()).isEqualTo("qr-order-mismatch");

		var scanned = leader.api().post("/api/leader/pickups",
				Map.of("pickupCode", "LINLI-PICKUP:" + code + ":" + order.get("orderNo").asText()));
		assertThat(scanned.status()).as(scanned.toString()).isEqualTo(200);
		assertThat(scanned.json().get("complete").asBoolean()).isTrue();
	}

	@Test
	void aLeaderSeesOnlyTheirOwnPickupPointsOrders() {
		var leader = pickups.leader(world.pickupPoint);
		var otherPoint = world.anotherPickupPoint();
		var otherLeader = pickups.leader(otherPoint);
		var mine = pickups.readyOrder(world.resident(), world.pickupPoint, apples, 2, eggs, 1);
		var picked = pickups.readyOrder(world.resident(), world.pickupPoint, eggs, 1);
		assertThat(leader.api().post("/api/leader/pickups", Map.of("pickupCode", picked.get("pickupCode").asText())).status())
			.isEqualTo(200);
		var theirs = pickups.readyOrder(world.resident(otherPoint), otherPoint, apples, 1);

		var waiting = leader.api().get("/api/leader/orders?date=" + world.pickupDate + "&status=TO_PICK_UP").json();
		assertThat(orderNos(waiting)).containsExactly(mine.get("orderNo").asText());
		assertThat(waiting.get("counts").get("toPickUp").asLong()).isEqualTo(1);
		assertThat(waiting.get("counts").get("pickedUp").asLong()).isEqualTo(1);
		assertThat(waiting.get("totals").get("units").asLong()).isEqualTo(3);
		assertThat(waiting.get("totals").get("amountFen").asLong()).isEqualTo(2 * 1990 + 2280);

		var all = leader.api().get("/api/leader/orders?date=" + world.pickupDate + "&status=ALL").json();
		assertThat(orderNos(all)).containsExactlyInAnyOrder(mine.get("orderNo").asText(), picked.get("orderNo").asText());
		assertThat(orderNos(all)).doesNotContain(theirs.get("orderNo").asText());
		var pickedUp = leader.api().get("/api/leader/orders?date=" + world.pickupDate + "&status=PICKED_UP").json();
		assertThat(orderNos(pickedUp)).containsExactly(picked.get("orderNo").asText());

		String phone = phoneOf(mine);
		var byTail = leader.api().get("/api/leader/orders?date=" + world.pickupDate + "&q=" + phone.substring(7)).json();
		assertThat(orderNos(byTail)).containsExactly(mine.get("orderNo").asText());
		var byCode = leader.api().get("/api/leader/orders?date=" + world.pickupDate + "&q=" + mine.get("pickupCode").asText()).json();
		assertThat(orderNos(byCode)).containsExactly(mine.get("orderNo").asText());
		var tooShort = leader.api().get("/api/leader/orders?date=" + world.pickupDate + "&q=12");
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.errorFields()).containsExactly("q");
		assertThat(leader.api().get("/api/leader/orders?date=tomorrow").status()).isEqualTo(400);
		assertThat(leader.api().get("/api/leader/orders?status=SOON").status()).isEqualTo(400);

		// the other leader cannot see or hand out this point's order
		assertThat(orderNos(otherLeader.api().get("/api/leader/orders?date=" + world.pickupDate + "&status=ALL").json()))
			.containsExactly(theirs.get("orderNo").asText());
		var foreign = otherLeader.api().get("/api/leader/pickups/" + mine.get("pickupCode").asText());
		assertThat(foreign.status()).isEqualTo(409);
		assertThat(foreign.json().get("code").asText()).isEqualTo("pickup-code-other-point");
	}

	@Test
	void onlyALeaderRunningAPickupPointMayVerify() {
		var leader = pickups.leader(world.pickupPoint);
		var order = pickups.readyOrder(world.resident(), world.pickupPoint, apples, 1);
		var body = Map.of("pickupCode", order.get("pickupCode").asText());

		assertThat(Api.at(port).post("/api/leader/pickups", body).status()).isEqualTo(401);
		assertThat(world.resident().post("/api/leader/pickups", body).status()).isEqualTo(403);
		assertThat(Api.at(port).newAccount("OPERATOR").post("/api/leader/pickups", body).status()).isEqualTo(403);

		// a suspended leader keeps the point but does not run it
		assertThat(Api.at(port).asAdmin().post("/api/leaders/" + leader.leaderId() + "/suspend", Map.of()).status())
			.isEqualTo(200);
		var suspended = Api.at(port).as(leader.phone(), leader.password());
		assertThat(suspended.post("/api/leader/pickups", body).status()).isEqualTo(403);
		assertThat(suspended.get("/api/leader/orders").status()).isEqualTo(403);
		assertThat(suspended.get("/api/leader/pickups/" + order.get("pickupCode").asText()).status()).isEqualTo(403);
		var page = WebSession.signIn(port, leader.phone(), leader.password()).get("/leader/pickup");
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).contains("没有在岗的自提点");
		assertThat(WebSession.signIn(port, leader.phone(), leader.password()).get("/leader/orders").status())
			.isEqualTo(403);
	}

	@Test
	void thePhonePagesShowTheOrderAndTheDaysOrders() {
		var leader = pickups.leader(world.pickupPoint);
		var order = pickups.readyOrder(world.resident(), world.pickupPoint, apples, 2);
		var session = WebSession.signIn(port, leader.phone(), leader.password());

		var found = session.get("/leader/pickup?code=" + order.get("pickupCode").asText());
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body()).contains(order.get("orderNo").asText()).contains("红富士苹果").contains("hand-out-all");
		var wrong = session.get("/leader/pickup?code=12");
		assertThat(wrong.body()).contains("data-code=\"invalid-pickupCode\"");
		var list = session.get("/leader/orders?date=" + world.pickupDate);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(order.get("orderNo").asText());
	}

	@Test
	void ordersNotPickedUpInTimeAreFlaggedToTheRegionsOperators() {
		pickups.leader(world.pickupPoint);
		var late = pickups.readyOrder(world.resident(), world.pickupPoint, apples, 1);
		var fresh = pickups.readyOrder(world.resident(), world.pickupPoint, eggs, 1);
		// three days at the pickup point
		jdbc.sql("update ordering.orders set ready_at = ready_at - interval '3 days' where id = ?")
			.param(late.get("id").asLong()).update();
		var operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		var stranger = MarketingFixtures.operatorOf(Api.at(port), new MarketingFixtures(context).region());

		String operatorPhone = operator.get("/api/me").json().get("phone").asText();
		var page = WebSession.signIn(port, operatorPhone, "secret123")
			.get("/console/orders/overdue?regionId=" + world.region.id().value());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(late.get("orderNo").asText()).doesNotContain(fresh.get("orderNo").asText());
		assertThat(page.body()).contains(world.pickupPoint.name()).contains("团长");
		var home = WebSession.signIn(port, operatorPhone, "secret123").get("/console");
		assertThat(home.body()).contains("超时未取订单").contains("/console/orders/overdue");

		String strangerPhone = stranger.get("/api/me").json().get("phone").asText();
		var theirs = WebSession.signIn(port, strangerPhone, "secret123");
		assertThat(theirs.get("/console/orders/overdue").body()).doesNotContain(late.get("orderNo").asText());
		assertThat(theirs.get("/console/orders/overdue?regionId=" + world.region.id().value()).status()).isEqualTo(403);
	}

	private void assertRefused(Api leader, String code, String reason) {
		var preview = leader.get("/api/leader/pickups/" + code);
		assertThat(preview.status()).as(preview.toString()).isEqualTo(409);
		assertThat(preview.json().get("code").asText()).isEqualTo(reason);
		var response = leader.post("/api/leader/pickups", Map.of("pickupCode", code));
		assertThat(response.status()).as(response.toString()).isEqualTo(409);
		assertThat(response.json().get("code").asText()).isEqualTo(reason);
		assertThat(response.errorFields()).containsExactly("pickupCode");
	}

	private static long lineOf(JsonNode order, String skuName) {
		for (JsonNode line : order.get("lines")) {
			if (line.get("skuName").asText().contains(skuName)) {
				return line.get("id").asLong();
			}
		}
		throw new AssertionError("no line " + skuName + " in " + order);
	}

	private static List<String> orderNos(JsonNode leaderOrders) {
		List<String> nos = new java.util.ArrayList<>();
		leaderOrders.get("orders").get("items").forEach(o -> nos.add(o.get("orderNo").asText()));
		return nos;
	}

	private String phoneOf(JsonNode order) {
		return jdbc.sql("select recipient_phone from ordering.orders where id = ?").param(order.get("id").asLong())
			.query(String.class).single();
	}
}
