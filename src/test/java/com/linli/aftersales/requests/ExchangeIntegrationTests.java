package com.linli.aftersales.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.linli.Multipart;
import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.identity.Actor;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.NewListing;
import com.linli.catalog.Sku;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.shared.Money;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exchange (换货) end to end through HTTP: a resident asks to exchange a bad bag of rice; it is offered only
 * while a coming delivery has the product; the operator approves, the leader takes the bad bag back, and the
 * platform places the replacement in the next day's delivery to the same pickup point at no cost to the
 * resident. The replacement goes through cutoff, receipt and pickup like any order; no money moves at the
 * bank, no commission accrues on it, and the listing's units and the resident's limit are counted right.
 */
@IntegrationTest
class ExchangeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	ListingManagement listings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void anExchangeSendsTheUnitsAgainInTheNextDeliveryAtNoCost() throws Exception {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		Api operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		var leader = pickups.leader(world.pickupPoint);
		Sku riceSku = world.sku("换货大米" + MarketingFixtures.next(), "5kg/袋");
		Listing rice = world.listing(riceSku, "49.90", 100, 2);
		Listing apples = world.listing("换货苹果" + MarketingFixtures.next(), "12.00", 100, 10);
		Api ann = world.resident();
		JsonNode order = pickups.paidOrder(ann, rice, 2, apples, 1);
		pickups.receive(world.pickupPoint);
		var ready = OrderingFixtures.awaitStatus(ann, order.get("id").asLong(), "READY_FOR_PICKUP");
		ok(leader.api().post("/api/leader/pickups", Map.of("pickupCode", ready.get("pickupCode").asText())));
		JsonNode picked = OrderingFixtures.awaitStatus(ann, order.get("id").asLong(), "PICKED_UP");
		JsonNode riceLine = line(picked, rice.id().value());
		JsonNode appleLine = line(picked, apples.id().value());
		long paidBefore = bank(order);

		// no coming delivery has the rice yet: an exchange is refused naming the kind, and the form does not offer it
		var refused = file(ann, picked, riceLine, 1, "ex-0");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.errorFields()).containsExactly("kind");
		var desk = com.linli.ordering.WebSession.signIn(port, ann.get("/api/me").json().get("phone").asText(), "secret123");
		String form = desk.get("/shop/aftersales/new?orderId=" + picked.get("id").asLong() + "&lineId="
				+ riceLine.get("id").asLong()).body();
		assertThat(form).doesNotContain("value=\"EXCHANGE\"");

		// tomorrow's listing of the same rice, with 3 units left
		var nextDate = world.pickupDate.plusDays(1);
		Instant now = clock.instant();
		Listing tomorrow = listings.publish(Actor.system("test"), new NewListing(world.region.id(), riceSku.id(),
				Money.ofYuan("45.90"), null, 3, 1, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(5)), nextDate));
		assertThat(desk.get("/shop/aftersales/new?orderId=" + picked.get("id").asLong() + "&lineId="
				+ riceLine.get("id").asLong()).body()).contains("value=\"EXCHANGE\"");
		// more units than the listing has left: refused; apples have no coming listing: refused
		assertThat(file(ann, picked, riceLine, 2, "ex-1").status()).isEqualTo(201); // 2 of 3 left: filed
		long firstId = jdbc.sql("select id from aftersales.request where submit_key = 'ex-1' and resident_id = ?")
			.param(residentId(picked)).query(Long.class).single();
		// withdrawn (the resident changes their mind), then filed again for one bag
		ok(ann.post("/api/aftersales/requests/" + firstId + "/withdraw", Map.of()));
		assertThat(file(ann, picked, appleLine, 1, "ex-2").errorFields()).containsExactly("kind");
		var filed = file(ann, picked, riceLine, 1, "ex-3");
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
		assertThat(filed.json().get("status").asText()).as("an exchange is never a quick refund").isEqualTo("SUBMITTED");
		assertThat(filed.json().get("kind").asText()).isEqualTo("EXCHANGE");

		// approved: the bad bag comes back through the leader first
		var approved = operator.post("/api/admin/aftersales/requests/" + filed.id() + "/approve", Map.of());
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
		assertThat(approved.json().get("awaitsReturn").asBoolean()).isTrue();
		// the replacement is placed at approval (tomorrow's units held for it); the leader swaps the goods
		assertThat(replacements(riceLine)).isEqualTo(1);
		var confirmed = leader.api().post("/api/leader/aftersales/requests/" + filed.id() + "/confirm-return", Map.of());
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(confirmed.json().get("status").asText()).isEqualTo("EXCHANGED");
		assertThat(confirmed.json().path("refundedFen").isNumber()).as("nothing refunded").isFalse();
		assertThat(operator.post("/api/admin/aftersales/requests/" + filed.id() + "/approve", Map.of()).status())
			.as("settled once").isEqualTo(409);
		assertThat(leader.api().post("/api/leader/aftersales/requests/" + filed.id() + "/confirm-return", Map.of()).status())
			.isEqualTo(409);

		// the replacement: one order, tomorrow, same point, paid by the platform, with its pickup code
		assertThat(replacements(riceLine)).isEqualTo(1);
		long replacementId = jdbc.sql("select id from ordering.orders where replaces_line_id = ?")
			.param(riceLine.get("id").asLong()).query(Long.class).single();
		JsonNode replacement = ann.get("/api/orders/" + replacementId).json();
		assertThat(replacement.get("status").asText()).isEqualTo("PAID");
		assertThat(replacement.get("totalFen").asLong()).isZero();
		assertThat(replacement.get("pickupDate").asText()).isEqualTo(nextDate.toString());
		assertThat(replacement.get("pickupPointId").asLong()).isEqualTo(world.pickupPoint.id().value());
		assertThat(replacement.get("pickupCode").asText()).hasSize(6);
		JsonNode newLine = replacement.get("lines").get(0);
		assertThat(newLine.get("quantity").asInt()).isEqualTo(1);
		assertThat(newLine.get("paidFen").asLong()).isZero();
		assertThat(newLine.get("discountsFen").get("AFTER_SALES_REPLACEMENT").asLong()).isEqualTo(4590);
		assertThat(jdbc.sql("select sold from marketing.listing where id = ?").param(tomorrow.id().value())
			.query(Integer.class).single()).isEqualTo(1);
		// the resident's own limit on tomorrow's listing (1) is untouched: they may still buy a bag
		assertThat(jdbc.sql("select count(*) from marketing.listing_purchase where listing_id = ?")
			.param(tomorrow.id().value()).query(Long.class).single()).isZero();
		// the resident cannot cancel it (the exchange would be lost), and the page offers no cancel
		var cancel = ann.post("/api/orders/" + replacementId + "/cancel", Map.of());
		assertThat(cancel.status()).as(cancel.toString()).isEqualTo(409);
		assertThat(ann.get("/api/orders/" + replacementId).json().get("status").asText()).isEqualTo("PAID");
		assertThat(desk.get("/shop/orders/" + replacementId).body()).doesNotContain("id=\"cancel\"");
		// the thread tells the resident; the original order's money is untouched; nothing at the bank
		JsonNode request = ann.get("/api/aftersales/requests/" + filed.id()).json();
		assertThat(request.get("thread")).anySatisfy(m -> assertThat(m.get("body").asText())
			.contains(replacement.get("orderNo").asText(), nextDate.toString(), replacement.get("pickupCode").asText()));
		assertThat(ann.get("/api/orders/" + picked.get("id").asLong()).json().get("refundedFen").asLong()).isZero();
		assertThat(jdbc.sql("select count(*) from payment.payment where merchant_reference = ?")
			.param("order:" + replacementId).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from payment.refund where refund_reference like ?")
			.param("%aftersales:" + request.get("requestNo").asText()).query(Long.class).single()).isZero();
		assertThat(bank(order)).isEqualTo(paidBefore);

		// the replacement goes through the next day like any order: cutoff, receipt, pickup with its code
		cutoffOrders.confirmForCutoff(world.region.id(), nextDate);
		deliveryOrders.receive(world.pickupPoint.id(), nextDate, Map.of(), null);
		OrderingFixtures.awaitStatus(ann, replacementId, "READY_FOR_PICKUP");
		ok(leader.api().post("/api/leader/pickups", Map.of("pickupCode", replacement.get("pickupCode").asText())));
		assertThat(OrderingFixtures.awaitStatus(ann, replacementId, "PICKED_UP").get("status").asText())
			.isEqualTo("PICKED_UP");
		// the leader earns on the first bag, never on the replacement
		assertThat(commission(leader.api(), newLine.get("id").asLong())).isZero();

		// asked again under the same request's reference, ordering answers the same replacement
		var again = context.getBean(com.linli.ordering.OrderReplacementManagement.class)
			.placeReplacement(new com.linli.ordering.OrderId(picked.get("id").asLong()),
					new com.linli.ordering.OrderLineId(riceLine.get("id").asLong()), 1,
					"aftersales:" + request.get("requestNo").asText());
		assertThat(again.id().value()).isEqualTo(replacementId);
		assertThat(replacements(riceLine)).isEqualTo(1);
	}

	private Api.Response file(Api resident, JsonNode order, JsonNode line, int quantity, String key) {
		return Multipart.form(Map.of("orderId", order.get("id").asLong(), "lineId", line.get("id").asLong(), "kind",
				"EXCHANGE", "reason", "QUALITY", "quantity", quantity, "description", "米里有虫", "submitKey", key))
			.post(port, resident, "/api/aftersales/requests");
	}

	private long replacements(JsonNode line) {
		return jdbc.sql("select count(*) from ordering.orders where replaces_line_id = ?").param(line.get("id").asLong())
			.query(Long.class).single();
	}

	private long residentId(JsonNode order) {
		return jdbc.sql("select resident_id from ordering.orders where id = ?").param(order.get("id").asLong())
			.query(Long.class).single();
	}

	private long bank(JsonNode order) {
		return jdbc.sql("""
				select coalesce(sum(amount_fen), 0) - coalesce(sum(refunded_fen), 0) from payment.payment
				 where merchant_reference = ? and status = 'SUCCEEDED'""")
			.param("order:" + order.get("id").asLong()).query(Long.class).single();
	}

	/** The commission accrued on a line once its pickup reached the leader's ledger (0 when none is due). */
	private static long commission(Api leader, long lineId) throws InterruptedException {
		Deadline deadline = Deadline.inMillis(15_000);
		while (!deadline.passed()) {
			for (JsonNode e : leader.get("/api/leader/commission?size=200").json().get("entries").get("items")) {
				if (e.get("orderLineId").asLong() == lineId && e.get("kind").asText().equals("ACCRUAL")) {
					return e.get("amountFen").asLong();
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no accrual entry of line " + lineId);
	}

	private static JsonNode line(JsonNode order, long listingId) {
		for (JsonNode l : order.get("lines")) {
			if (l.get("listingId").asLong() == listingId) {
				return l;
			}
		}
		throw new IllegalStateException("no line of listing " + listingId + " in " + order);
	}

	private static Api.Response ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 299);
		return response;
	}
}
