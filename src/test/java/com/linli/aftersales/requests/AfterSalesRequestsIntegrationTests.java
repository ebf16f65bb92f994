package com.linli.aftersales.requests;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.linli.Multipart;
import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.LinePortion;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.shared.Money;
import com.linli.shared.SupplierId;
import com.linli.supply.SupplyFixtures;
import com.linli.catalog.CategoryManagement;
import com.linli.catalog.NewCategory;
import com.linli.catalog.NewProduct;
import com.linli.catalog.NewSku;
import com.linli.catalog.ProductManagement;
import com.linli.catalog.Sku;
import com.linli.catalog.StorageTemperature;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's first "done when", through HTTP: a quick refund approved automatically and paid once though
 * submitted twice at the same moment (the same key; and two keys for the same units, of which one passes); a
 * manual one approved and refunded; one asked about, answered, then rejected (no money moves); a return approved,
 * confirmed by the leader, then refunded with the leader's commission on it reversed; units of an order ready and
 * never collected; bad input refused naming the field with nothing changed; every amount to the fen, with a full
 * reduction's share on the lines, and the money reconciliation (payments = refunds + picked-up value + waiting,
 * and the bank agrees).
 */
@IntegrationTest
class AfterSalesRequestsIntegrationTests {

	static final int RATE_BP = 800;

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

	@Autowired
	Clock clock;

	@Test
	void requestsAreDecidedAndRefundedOnceToTheFen() throws Exception {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		long region = world.region.id().value();
		Api operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		Api admin = Api.at(port).asAdmin();
		var leader = pickups.leader(world.pickupPoint);
		ok(admin.put("/api/commission/schemes/" + region,
				Map.of("bands", List.of(Map.of("floorFen", 0, "rateBasisPoints", RATE_BP)), "overrides", List.of())));
		// 满39减5: lines of orders from 39 yuan carry a share of the reduction
		ok(operator.post("/api/admin/marketing/reductions", Map.of("regionId", region, "name", "售后满减",
				"endsAt", clock.instant().plusSeconds(86_400 * 3).toString(), "tiers",
				List.of(Map.of("thresholdFen", 3900, "amountFen", 500)))));
		Listing apples = world.listing("售后苹果" + MarketingFixtures.next(), "12.00", 100, 10);
		// rice comes from a supplier (its product's default one, at ¥30.00 a bag): quality refunds are charged to it
		long riceSupplier = new SupplyFixtures(admin, port).supplier("售后大米供应商" + MarketingFixtures.next(), "PREFERRED",
				java.time.LocalDate.now(clock).plusYears(1));
		Sku riceSku = suppliedSku("售后大米" + MarketingFixtures.next(), riceSupplier);
		new SupplyFixtures(admin, port).offer(riceSupplier, riceSku, 3000, 1);
		Listing rice = world.listing(riceSku, "49.90", 100, 10);
		var settings = operator.get("/api/admin/aftersales/settings/" + region).json();
		assertThat(settings.get("enabled").asBoolean()).isTrue();
		assertThat(settings.get("maxFen").asLong()).isEqualTo(3000);
		assertThat(settings.get("maxRateBasisPoints").asInt()).isEqualTo(1500);
		// the console's settings page saves the region's rule (the same values here)
		var desk = com.linli.ordering.WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		var settingsPage = desk.get("/console/aftersales/settings?regionId=" + region);
		assertThat(settingsPage.status()).isEqualTo(200);
		assertThat(settingsPage.body()).contains("30.00");
		desk.post("/console/aftersales/settings", "regionId=" + region + "&enabled=true&maxYuan=30&maxRatePercent=15",
				settingsPage);
		assertThat(jdbc.sql("select max_fen from aftersales.quick_refund_setting where region_id = ?").param(region)
			.query(Long.class).single()).isEqualTo(3000);
		assertThat(operator.put("/api/admin/aftersales/settings/" + region, Map.of("enabled", true, "maxFen", -1,
				"maxRateBasisPoints", 1500)).errorFields()).containsExactly("maxFen");

		Api ann = world.resident();
		Api bob = world.resident();
		Api cat = world.resident();
		Api dan = world.resident();
		Api eve = world.resident();
		Api fay = world.resident();
		Api gus = world.resident();
		List<JsonNode> placed = new ArrayList<>();
		JsonNode annOrder = pickups.paidOrder(ann, apples, 2, rice, 1);
		JsonNode bobOrder = pickups.paidOrder(bob, apples, 1);
		JsonNode catOrder = pickups.paidOrder(cat, rice, 1);
		JsonNode danOrder = pickups.paidOrder(dan, rice, 1);
		JsonNode eveOrder = pickups.paidOrder(eve, rice, 1);
		JsonNode fayOrder = pickups.paidOrder(fay, apples, 1);
		JsonNode gusOrder = pickups.paidOrder(gus, apples, 2);
		placed.addAll(List.of(annOrder, bobOrder, catOrder, danOrder, eveOrder, fayOrder, gusOrder));
		assertThat(line(annOrder, apples).get("discountsFen").get("FULL_REDUCTION").asLong()).isPositive();
		pickups.receive(world.pickupPoint);
		for (JsonNode o : List.of(annOrder, bobOrder, catOrder, danOrder, eveOrder, fayOrder)) {
			var ready = OrderingFixtures.awaitStatus(residentOf(o, ann, bob, cat, dan, eve, fay), o.get("id").asLong(),
					"READY_FOR_PICKUP");
			ok(leader.api().post("/api/leader/pickups", Map.of("pickupCode", ready.get("pickupCode").asText())));
		}
		OrderingFixtures.awaitStatus(gus, gusOrder.get("id").asLong(), "READY_FOR_PICKUP");
		JsonNode annPicked = order(ann, annOrder);
		assertThat(annPicked.get("status").asText()).isEqualTo("PICKED_UP");

		// ann: a quick refund of one apple, the form sent twice at the same moment with the same key
		JsonNode annApples = line(annPicked, apples);
		long expectedAnn = portion(annApples, 1);
		var same = twice(() -> file(ann, annPicked, annApples, "REFUND_ONLY", "QUALITY", 1, "same-moment", true),
				() -> file(ann, annPicked, annApples, "REFUND_ONLY", "QUALITY", 1, "same-moment", true));
		assertThat(same).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
		assertThat(same.get(0).id()).isEqualTo(same.get(1).id());
		var annRequest = ann.get("/api/aftersales/requests/" + same.get(0).id()).json();
		assertThat(annRequest.get("status").asText()).isEqualTo("REFUNDED");
		assertThat(annRequest.get("quick").asBoolean()).isTrue();
		assertThat(annRequest.get("amountFen").asLong()).isEqualTo(expectedAnn);
		assertThat(annRequest.get("refundedFen").asLong()).isEqualTo(expectedAnn);
		assertThat(annRequest.get("photoIds")).hasSize(1);
		assertThat(refundsOf(annRequest)).as("one refund at the bank").isEqualTo(1);
		assertThat(line(order(ann, annOrder), apples).get("refundedFen").asLong()).isEqualTo(expectedAnn);
		assertThat(order(ann, annOrder).get("refundedFen").asLong()).isEqualTo(expectedAnn);
		assertThat(ann.get("/api/aftersales/requests").json()).hasSize(1);

		// photos: the resident, the region's operator and the point's leader see them; another resident does not
		long photo = annRequest.get("photoIds").get(0).asLong();
		long annId = annRequest.get("id").asLong();
		var own = ann.get("/api/aftersales/requests/" + annId + "/photos/" + photo, Map.of("Accept", "image/png"));
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).isEqualTo(Multipart.PNG);
		assertThat(operator.get("/api/admin/aftersales/requests/" + annId + "/photos/" + photo, Map.of("Accept", "image/png"))
			.status()).isEqualTo(200);
		assertThat(leader.api().get("/api/leader/aftersales/requests/" + annId + "/photos/" + photo,
				Map.of("Accept", "image/png")).status()).isEqualTo(200);
		assertThat(bob.get("/api/aftersales/requests/" + annId + "/photos/" + photo, Map.of("Accept", "image/png"))
			.status()).isEqualTo(404);
		assertThat(bob.get("/api/aftersales/requests/" + annId).status()).isEqualTo(404);

		// bob: two different keys for his one apple at the same moment: one passes (and is refunded), one is refused
		JsonNode bobApples = line(bobOrder, apples);
		var two = twice(() -> file(bob, bobOrder, bobApples, "REFUND_ONLY", "DAMAGED", 1, "bob-a", false),
				() -> file(bob, bobOrder, bobApples, "REFUND_ONLY", "DAMAGED", 1, "bob-b", false));
		assertThat(two).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
		var refused = two.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
		assertThat(refused.errorFields()).as(refused.toString()).containsExactly("quantity");
		assertThat(bob.get("/api/aftersales/requests").json()).hasSize(1);
		assertThat(order(bob, bobOrder).get("refundedFen").asLong()).isEqualTo(1200);

		// cat: 44.90 paid is over the quick limit: the queue; a second request for the same units is refused; approved
		JsonNode catRice = line(catOrder, rice);
		long expectedCat = portion(catRice, 1);
		assertThat(expectedCat).isEqualTo(4990 - 500);
		var catFiled = file(cat, catOrder, catRice, "REFUND_ONLY", "EXPIRED", 1, "cat-1", false);
		assertThat(catFiled.status()).as(catFiled.toString()).isEqualTo(201);
		assertThat(catFiled.json().get("status").asText()).isEqualTo("SUBMITTED");
		var again = file(cat, catOrder, catRice, "REFUND_ONLY", "EXPIRED", 1, "cat-2", false);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.errorFields()).containsExactly("quantity");
		var queue = operator.get("/api/admin/aftersales/requests?regionId=" + region + "&status=SUBMITTED").json();
		assertThat(queue.get("requests")).extracting(r -> r.get("id").asLong()).contains(catFiled.id());
		assertThat(queue.get("counts").get("SUBMITTED").asLong()).isGreaterThanOrEqualTo(1);
		var approved = operator.post("/api/admin/aftersales/requests/" + catFiled.id() + "/approve", Map.of());
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().get("status").asText()).isEqualTo("REFUNDED");
		assertThat(approved.json().get("refundedFen").asLong()).isEqualTo(expectedCat);
		assertThat(operator.post("/api/admin/aftersales/requests/" + catFiled.id() + "/approve", Map.of()).status())
			.as("approved once").isEqualTo(409);
		assertThat(order(cat, catOrder).get("refundedFen").asLong()).isEqualTo(expectedCat);
		assertThat(refundsOf(approved.json())).isEqualTo(1);

		// dan: asked for more, answers with a photo, then rejected: no money moves
		var danFiled = file(dan, danOrder, line(danOrder, rice), "REFUND_ONLY", "QUALITY", 1, "dan-1", false);
		assertThat(danFiled.status()).isEqualTo(201);
		var asked = operator.post("/api/admin/aftersales/requests/" + danFiled.id() + "/ask", Map.of("question", "请拍一张包装照片"));
		assertThat(asked.json().get("status").asText()).isEqualTo("INFO_REQUESTED");
		var answered = Multipart.form(Map.of("text", "包装照片如下")).file("photos", "box.png", "image/png", Multipart.PNG)
			.post(port, dan, "/api/aftersales/requests/" + danFiled.id() + "/answer");
		assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
		assertThat(answered.json().get("status").asText()).isEqualTo("SUBMITTED");
		assertThat(answered.json().get("thread")).extracting(m -> m.get("authorKind").asText())
			.containsExactly("RESIDENT", "OPERATOR", "RESIDENT");
		assertThat(operator.post("/api/admin/aftersales/requests/" + danFiled.id() + "/reject", Map.of("reason", "")).errorFields())
			.containsExactly("reason");
		var rejected = operator.post("/api/admin/aftersales/requests/" + danFiled.id() + "/reject", Map.of("reason", "照片显示商品完好"));
		assertThat(rejected.json().get("status").asText()).isEqualTo("REJECTED");
		assertThat(rejected.json().get("decisionNote").asText()).isEqualTo("照片显示商品完好");
		assertThat(order(dan, danOrder).get("refundedFen").asLong()).isZero();
		assertThat(refundsOf(rejected.json())).isZero();

		// eve: a return; approved, it waits for the leader; the leader confirms; refunded; commission reversed
		JsonNode eveRice = line(eveOrder, rice);
		long eveAccrual = commission(eveRice.get("paidFen").asLong());
		assertThat(awaitEntry(leader.api(), eveRice.get("id").asLong(), "ACCRUAL")).isEqualTo(eveAccrual);
		var eveFiled = file(eve, eveOrder, eveRice, "RETURN_AND_REFUND", "QUALITY", 1, "eve-1", false);
		assertThat(eveFiled.json().get("status").asText()).isEqualTo("SUBMITTED");
		var eveApproved = operator.post("/api/admin/aftersales/requests/" + eveFiled.id() + "/approve", Map.of()).json();
		assertThat(eveApproved.get("status").asText()).isEqualTo("APPROVED");
		assertThat(eveApproved.get("awaitsReturn").asBoolean()).isTrue();
		assertThat(order(eve, eveOrder).get("refundedFen").asLong()).isZero();
		var atPoint = leader.api().get("/api/leader/aftersales/requests").json();
		assertThat(atPoint).filteredOn(r -> r.get("id").asLong() == eveFiled.id())
			.singleElement().satisfies(r -> assertThat(r.get("awaitsReturn").asBoolean()).isTrue());
		var leaderPage = com.linli.ordering.WebSession.signIn(port, leader.phone(), leader.password()).get("/leader/aftersales");
		assertThat(leaderPage.status()).isEqualTo(200);
		assertThat(leaderPage.body()).contains("return-" + eveFiled.id(), "确认已收回");
		// the workbench counts the goods to collect and links to them
		var workbench = com.linli.ordering.WebSession.signIn(port, leader.phone(), leader.password()).get("/leader");
		assertThat(workbench.body()).containsPattern(
				"id=\"today-aftersales-to-collect\"[^>]*href=\"/leader/aftersales\"[^>]*>\\s*<b>1</b>");
		assertThat(bob.post("/api/leader/aftersales/requests/" + eveFiled.id() + "/confirm-return", Map.of()).status())
			.isEqualTo(403);
		var collected = leader.api().post("/api/leader/aftersales/requests/" + eveFiled.id() + "/confirm-return", Map.of());
		assertThat(collected.status()).as(collected.toString()).isEqualTo(200);
		assertThat(collected.json().get("status").asText()).isEqualTo("REFUNDED");
		assertThat(collected.json().get("refundedFen").asLong()).isEqualTo(eveRice.get("paidFen").asLong());
		assertThat(leader.api().post("/api/leader/aftersales/requests/" + eveFiled.id() + "/confirm-return", Map.of())
			.status()).isEqualTo(409);
		assertThat(Math.abs(awaitEntry(leader.api(), eveRice.get("id").asLong(), "REVERSAL")))
			.as("the line's commission reversed").isEqualTo(eveAccrual);

		// gus: his order is ready and was never collected; a refund of one of the two apples waiting for him
		JsonNode gusReady = order(gus, gusOrder);
		var gusFiled = file(gus, gusReady, line(gusReady, apples), "REFUND_ONLY", "MISSING", 1, "gus-1", false);
		assertThat(gusFiled.status()).as(gusFiled.toString()).isEqualTo(201);
		assertThat(gusFiled.json().get("status").asText()).isEqualTo("REFUNDED");
		assertThat(gusFiled.json().get("afterPickup").asBoolean()).isFalse();
		assertThat(line(order(gus, gusOrder), apples).get("refundedQuantity").asInt()).isEqualTo(1);

		// bad input: the field named, nothing changed
		annOrder = order(ann, annOrder);
		JsonNode annApplesNow = line(annOrder, apples);
		long annRefunded = annOrder.get("refundedFen").asLong();
		int annRequests = ann.get("/api/aftersales/requests").json().size();
		badInput(file(ann, annOrder, annApplesNow, "REFUND_ONLY", "QUALITY", 2, "bad-1", false), 409, "quantity");
		badInput(file(ann, annOrder, annApplesNow, "REFUND_ONLY", "QUALITY", 0, "bad-2", false), 400, "quantity");
		badInput(file(ann, annOrder, annApplesNow, "SWAP", "QUALITY", 1, "bad-3", false), 400, "kind");
		badInput(file(ann, annOrder, annApplesNow, "REFUND_ONLY", "BORED", 1, "bad-4", false), 400, "reason");
		badInput(file(ann, annOrder, annApplesNow, "EXCHANGE", "QUALITY", 1, "bad-5", false), 409, "kind");
		badInput(file(ann, annOrder, annApplesNow, "REFUND_ONLY", "OTHER", 1, "bad-6", false), 400, "description");
		badInput(Multipart.form(fields(annOrder, annApplesNow, "REFUND_ONLY", "QUALITY", 1, "bad-7"))
			.file("photos", "notes.png", "image/png", "not an image at all".getBytes())
			.post(port, ann, "/api/aftersales/requests"), 400, "photos");
		byte[] huge = java.util.Arrays.copyOf(Multipart.PNG, 5 * 1024 * 1024 + 1);
		badInput(Multipart.form(fields(annOrder, annApplesNow, "REFUND_ONLY", "QUALITY", 1, "bad-huge"))
			.file("photos", "huge.png", "image/png", huge).post(port, ann, "/api/aftersales/requests"), 413, "photos");
		var seven = Multipart.form(fields(annOrder, annApplesNow, "REFUND_ONLY", "QUALITY", 1, "bad-8"));
		for (int i = 0; i < 7; i++) {
			seven.file("photos", i + ".png", "image/png", Multipart.PNG);
		}
		badInput(seven.post(port, ann, "/api/aftersales/requests"), 400, "photos");
		badInput(Multipart.form(fields(annOrder, annApplesNow, "REFUND_ONLY", "QUALITY", 1, "bad key!"))
			.post(port, ann, "/api/aftersales/requests"), 400, "submitKey");
		// someone else's order is not found; a line of another order is not part of this one
		badInput(file(ann, bobOrder, line(bobOrder, apples), "REFUND_ONLY", "QUALITY", 1, "bad-9", false), 404, null);
		badInput(file(ann, annOrder, line(catOrder, rice), "REFUND_ONLY", "QUALITY", 1, "bad-10", false), 400, "lineId");
		assertThat(order(ann, annOrder).get("refundedFen").asLong()).isEqualTo(annRefunded);
		assertThat(ann.get("/api/aftersales/requests").json()).hasSize(annRequests);
		assertThat(order(bob, bobOrder).get("refundedFen").asLong()).isEqualTo(1200);
		// after the window (48 hours after pickup for chilled goods)
		jdbc.sql("update ordering.orders set picked_up_at = ? where id = ?")
			.params(java.sql.Timestamp.from(TestClock.now().minusSeconds(49 * 3600)), fayOrder.get("id").asLong()).update();
		badInput(file(fay, fayOrder, line(fayOrder, apples), "REFUND_ONLY", "QUALITY", 1, "fay-1", false), 409, "lineId");
		assertThat(fay.get("/api/aftersales/requests").json()).isEmpty();
		assertThat(order(fay, fayOrder).get("refundedFen").asLong()).isZero();
		// a longer window for the category (platform admins only) lets it in
		long category = jdbc.sql("select category_id from ordering.order_line where id = ?")
			.param(line(fayOrder, apples).get("id").asLong()).query(Long.class).single();
		assertThat(operator.put("/api/admin/aftersales/windows/" + category, Map.of("hours", 72)).status()).isEqualTo(403);
		assertThat(admin.put("/api/admin/aftersales/windows/" + category, Map.of("hours", 0)).errorFields())
			.containsExactly("hours");
		assertThat(admin.put("/api/admin/aftersales/windows/" + category, Map.of("hours", 72)).json()
			.get(Long.toString(category)).asInt()).isEqualTo(72);
		try {
			assertThat(file(fay, fayOrder, line(fayOrder, apples), "RETURN_AND_REFUND", "QUALITY", 1, "fay-2", false)
				.status()).isEqualTo(201);
		}
		finally {
			admin.put("/api/admin/aftersales/windows/" + category, Map.of("hours", 48));
		}
		// a withdrawn request gives its units back
		var fayAnn = file(ann, annOrder, line(annOrder, rice), "RETURN_AND_REFUND", "WRONG_ITEM", 1, "ann-rice", false);
		assertThat(fayAnn.status()).isEqualTo(201);
		assertThat(ann.post("/api/aftersales/requests/" + fayAnn.id() + "/withdraw", Map.of()).json().get("status").asText())
			.isEqualTo("WITHDRAWN");
		assertThat(file(ann, annOrder, line(annOrder, rice), "RETURN_AND_REFUND", "WRONG_ITEM", 1, "ann-rice-2", false)
			.status()).isEqualTo(201);

		// the supplier is charged back for the quality refund of its rice (eve's return, at its price), once; not for
		// the expired rice (cat), nor for the rejected request (dan)
		List<Map<String, Object>> chargebacks = awaitChargebacks(riceSupplier, 1);
		assertThat(chargebacks).singleElement().satisfies(c -> {
			assertThat(c.get("aftersales_request_id")).isEqualTo(eveFiled.id());
			assertThat(c.get("amount_fen")).isEqualTo(3000L);
		});

		// every fen: what residents paid = refunds + what they took home + what waits for them; the bank agrees
		long paid = 0;
		long refunded = 0;
		long takenHome = 0;
		long waiting = 0;
		Map<Long, Api> residentOfOrder = new HashMap<>();
		List<Api> apis = List.of(ann, bob, cat, dan, eve, fay, gus);
		for (int i = 0; i < placed.size(); i++) {
			residentOfOrder.put(placed.get(i).get("id").asLong(), apis.get(i));
		}
		for (JsonNode p : placed) {
			var o = order(residentOfOrder.get(p.get("id").asLong()), p);
			paid += o.get("paidFen").asLong();
			refunded += o.get("refundedFen").asLong();
			long linesPaid = 0;
			long linesRefunded = 0;
			for (JsonNode l : o.get("lines")) {
				linesPaid += l.get("paidFen").asLong();
				linesRefunded += l.get("refundedFen").asLong();
				long net = l.get("paidFen").asLong() - l.get("refundedFen").asLong();
				int units = l.get("quantity").asInt() - l.get("refundedQuantity").asInt();
				int picked = l.get("pickedUpQuantity").asInt();
				assertThat(picked).isLessThanOrEqualTo(units);
				if (o.get("status").asText().equals("READY_FOR_PICKUP")) {
					waiting += net;
				}
				else {
					assertThat(picked).isEqualTo(units);
					takenHome += net;
				}
				assertThat(l.get("refundedFen").asLong()).isLessThanOrEqualTo(l.get("paidFen").asLong());
			}
			assertThat(linesPaid).isEqualTo(o.get("paidFen").asLong());
			assertThat(linesRefunded).isEqualTo(o.get("refundedFen").asLong());
		}
		assertThat(refunded).isEqualTo(expectedAnn + 1200 + expectedCat + eveRice.get("paidFen").asLong()
				+ gusFiled.json().get("refundedFen").asLong());
		assertThat(paid).isEqualTo(refunded + takenHome + waiting);
		long expectedAtBank = paid - refunded;
		assertThat(awaitBank(placed, expectedAtBank)).isEqualTo(expectedAtBank);
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	private Api.Response file(Api resident, JsonNode order, JsonNode line, String kind, String reason, int quantity,
			String key, boolean photo) {
		var form = Multipart.form(fields(order, line, kind, reason, quantity, key));
		if (photo) {
			form.file("photos", "apple.png", "image/png", Multipart.PNG);
		}
		return form.post(port, resident, "/api/aftersales/requests");
	}

	private static Map<String, Object> fields(JsonNode order, JsonNode line, String kind, String reason, int quantity,
			String key) {
		return Map.of("orderId", order.get("id").asLong(), "lineId", line.get("id").asLong(), "kind", kind, "reason",
				reason, "quantity", quantity, "description", reason.equals("OTHER") ? "" : "到手就坏了", "submitKey", key);
	}

	private static void badInput(Api.Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		if (field != null) {
			assertThat(response.errorFields()).as(response.toString()).containsExactly(field);
		}
	}

	private static List<Api.Response> twice(Callable<Api.Response> a, Callable<Api.Response> b) throws Exception {
		var pool = Executors.newFixedThreadPool(2);
		try {
			var start = new CountDownLatch(1);
			List<Future<Api.Response>> futures = new ArrayList<>();
			for (Callable<Api.Response> c : List.of(a, b)) {
				futures.add(pool.submit(() -> {
					start.await();
					return c.call();
				}));
			}
			start.countDown();
			List<Api.Response> responses = new ArrayList<>();
			for (var f : futures) {
				responses.add(f.get());
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The units' share of what the line paid, after the units refunded before: what the order refunds. */
	private static long portion(JsonNode line, int units) {
		Map<DiscountKind, Money> shares = new HashMap<>();
		line.get("discountsFen").properties().forEach(e -> shares.put(DiscountKind.valueOf(e.getKey()),
				Money.ofFen(e.getValue().asLong())));
		return LinePortion.of(Money.ofFen(line.get("paidFen").asLong()), shares, line.get("quantity").asInt(),
				line.get("refundedQuantity").asInt(), units).paid().fen();
	}

	private static long commission(long baseFen) {
		return java.math.BigDecimal.valueOf(baseFen).multiply(java.math.BigDecimal.valueOf(RATE_BP))
			.divide(java.math.BigDecimal.valueOf(10_000), 0, java.math.RoundingMode.HALF_UP).longValueExact();
	}

	private static JsonNode order(Api resident, JsonNode order) {
		return resident.get("/api/orders/" + order.get("id").asLong()).json();
	}

	private static JsonNode line(JsonNode order, Listing listing) {
		for (JsonNode line : order.get("lines")) {
			if (line.get("listingId").asLong() == listing.id().value()) {
				return line;
			}
		}
		throw new AssertionError("no line of listing " + listing.id() + " in " + order);
	}

	private static Api residentOf(JsonNode order, Api... residents) {
		for (Api r : residents) {
			if (r.get("/api/orders/" + order.get("id").asLong()).status() == 200) {
				return r;
			}
		}
		throw new AssertionError("nobody's order");
	}

	/** Refunds asked of the payment provider for a request (by its reference). */
	private long refundsOf(JsonNode request) {
		return jdbc.sql("select count(*) from payment.refund where refund_reference like ?")
			.param("%aftersales:" + request.get("requestNo").asText()).query(Long.class).single();
	}

	private Sku suppliedSku(String name, long supplier) {
		var by = com.linli.identity.Actor.system("aftersales-tests").actedBy();
		var category = context.getBean(CategoryManagement.class)
			.createCategory(new NewCategory("售后粮油" + MarketingFixtures.next(), null, 99), by);
		var products = context.getBean(ProductManagement.class);
		var product = products.createProduct(new NewProduct(category.id(), name, name + "，东北新米。", "黑龙江五常", Set.of(),
				new SupplierId(supplier), List.of(new NewSku("5kg/袋", "袋", null, StorageTemperature.AMBIENT, 180, 5000))),
				by);
		return products.skusOf(product.id()).get(0);
	}

	/** The supplier's chargebacks from after-sales, once {@code expected} are there (supply hears of refunds by event). */
	private List<Map<String, Object>> awaitChargebacks(long supplier, int expected) throws InterruptedException {
		var deadline = Deadline.inMillis(20_000);
		List<Map<String, Object>> rows;
		do {
			rows = jdbc.sql("""
					select aftersales_request_id, amount_fen from supply.chargeback
					where supplier_id = ? and aftersales_request_id is not null order by id""")
				.param(supplier).query().listOfRows();
			if (rows.size() >= expected) {
				// a moment more: a second chargeback for the same refund would show up now
				Thread.sleep(300);
				return jdbc.sql("""
						select aftersales_request_id, amount_fen from supply.chargeback
						where supplier_id = ? and aftersales_request_id is not null order by id""")
					.param(supplier).query().listOfRows();
			}
			Thread.sleep(100);
		}
		while (!deadline.passed());
		return rows;
	}

	private long awaitEntry(Api leader, long lineId, String kind) throws InterruptedException {
		Deadline deadline = Deadline.inMillis(15_000);
		while (true) {
			for (JsonNode e : leader.get("/api/leader/commission?size=200").json().get("entries").get("items")) {
				if (e.get("orderLineId").asLong() == lineId && e.get("kind").asText().equals(kind)) {
					return e.get("amountFen").asLong();
				}
			}
			if (deadline.passed()) {
				throw new AssertionError("no " + kind + " entry of line " + lineId);
			}
			Thread.sleep(100);
		}
	}

	private long awaitBank(List<JsonNode> orders, long expected) throws InterruptedException {
		Deadline deadline = Deadline.inMillis(15_000);
		long atBank;
		do {
			atBank = jdbc.sql("""
					select coalesce(sum(amount_fen), 0) - coalesce(sum(refunded_fen), 0) from payment.payment
					 where merchant_reference = any(?) and status = 'SUCCEEDED'""")
				.param(orders.stream().map(p -> "order:" + p.get("id").asLong()).toArray(String[]::new))
				.query(Long.class).single();
			if (atBank == expected) {
				return atBank;
			}
			Thread.sleep(100);
		}
		while (!deadline.passed());
		return atBank;
	}

	private static Api.Response ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 299);
		return response;
	}
}
