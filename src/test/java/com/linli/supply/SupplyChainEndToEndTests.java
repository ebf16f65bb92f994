package com.linli.supply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Deadline;
import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.Sku;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.inventory.StockManagement;
import com.linli.marketing.Listing;
import com.linli.network.NetworkFixtures;
import com.linli.network.WarehouseId;
import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supply chain of one day through HTTP (issue 4, "Done when"): residents order, the cutoff runs, purchase
 * orders are drafted net of stock at the central warehouse (the supplier with an expired licence gets none, the
 * next-best does), the operator sends, the supplier confirms a shorter quantity in the portal, receiving rejects
 * part of a line, the residents whose units did not come are refunded to the fen (newest orders first) and told,
 * and stock, ledger and batches agree.
 */
@IntegrationTest
class SupplyChainEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	StockManagement stock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	SupplyEventsRecorder supplyEvents;

	@Test
	void aCutoffBecomesPurchaseOrdersThatAreConfirmedShortReceivedWithRejectsAndRefundedToTheFen() {
		var world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		var admin = Api.at(port).asAdmin();
		long centralId = new NetworkFixtures(admin).warehouse(world.region.id().value(), "CENTRAL");
		var central = new WarehouseId(centralId);
		var north = world.pickupPoint;
		var south = world.anotherPickupPoint();
		Api northLeader = day.leaderOf(north);
		Api southLeader = day.leaderOf(south);

		Sku appleSku = world.sku("烟台红富士", "500g/份");
		Sku eggSku = world.sku("土鸡蛋", "30枚/盒");
		Listing apples = world.listing(appleSku, "19.90", 100, 5);
		Listing eggs = world.listing(eggSku, "22.80", 100, 5);

		var operator = day.operator();
		var supply = new SupplyFixtures(operator, port);
		LocalDate today = LocalDate.now(clock);
		long expired = supply.supplier("老牌果业", "STRATEGIC", today.minusDays(1));
		long preferred = supply.supplier("青岛鲜果", "PREFERRED", today.plusYears(1));
		long emergency = supply.supplier("应急蛋品", "EMERGENCY", today.plusYears(1));
		supply.offer(expired, appleSku, 800, 1); // cheapest and strategic, but its licence ran out yesterday
		supply.offer(expired, eggSku, 1000, 1);
		supply.offer(preferred, appleSku, 1200, 5);
		supply.offer(preferred, eggSku, 1500, 1);
		supply.offer(emergency, appleSku, 900, 1); // cheaper than preferred, but tier comes first

		// two apples already in the central warehouse (not reserved): the cutoff buys only the rest
		stock.receive(central, appleSku.id(), 2, "OLD-" + NetworkFixtures.unique(), today.minusDays(1),
				"test-stock:" + NetworkFixtures.unique(), null);

		Api ann = world.resident(north);
		Api bob = world.resident(north);
		Api cai = world.resident(south);
		Api dan = world.resident(south);
		JsonNode annOrder = day.paidOrder(ann, apples, 2, eggs, 1);
		JsonNode bobOrder = day.paidOrder(bob, apples, 3);
		JsonNode caiOrder = day.paidOrder(cai, apples, 1, eggs, 2);
		JsonNode danOrder = day.paidOrder(dan, eggs, 1);

		var run = day.cutoff(operator);
		assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
		long runId = run.get("id").asLong();

		// purchase orders: one, to the preferred supplier; none to the one with the expired licence
		List<JsonNode> pos = supply.awaitPurchaseOrders(runId, 1);
		assertThat(pos).hasSize(1);
		JsonNode po = pos.get(0);
		assertThat(po.get("supplierId").asLong()).isEqualTo(preferred);
		assertThat(po.get("status").asText()).isEqualTo("DRAFT");
		assertThat(po.get("warehouseId").asLong()).isEqualTo(centralId);
		JsonNode appleLine = SupplyFixtures.line(po, appleSku);
		JsonNode eggLine = SupplyFixtures.line(po, eggSku);
		// apples: demand 6, 2 in stock reserved, 4 to buy, rounded up to the MOQ of 5
		assertThat(appleLine.get("forDemand").asInt()).isEqualTo(4);
		assertThat(appleLine.get("ordered").asInt()).isEqualTo(5);
		assertThat(appleLine.get("priceFen").asLong()).isEqualTo(1200);
		// eggs: demand 4, nothing in stock
		assertThat(eggLine.get("forDemand").asInt()).isEqualTo(4);
		assertThat(eggLine.get("ordered").asInt()).isEqualTo(4);
		assertThat(po.get("amountFen").asLong()).isEqualTo(5 * 1200 + 4 * 1500);
		assertThat(stock.stock(central, appleSku.id()).reserved()).isEqualTo(2);
		var alerts = operator.get("/api/supplier-alerts").json();
		assertThat(alerts.findValues("supplierId").stream().map(JsonNode::asLong).toList()).contains(expired);
		var expiredSupplierPos = operator.get("/api/purchase-orders?supplierId=" + expired).json();
		assertThat(expiredSupplierPos.get("total").asLong()).isZero();

		long poId = po.get("id").asLong();
		Api supplierB = supply.login(preferred);
		Api supplierA = supply.login(expired);
		// a draft is not the supplier's business yet
		assertThat(supplierB.get("/api/supplier/purchase-orders/" + poId).status()).isEqualTo(404);

		var sent = operator.post("/api/purchase-orders/" + poId + "/send", Map.of());
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(sent.json().get("status").asText()).isEqualTo("SENT");
		assertThat(operator.post("/api/purchase-orders/" + poId + "/send", Map.of()).status()).isEqualTo(409);

		// the portal: another supplier sees nothing of it
		assertThat(supplierA.get("/api/supplier/purchase-orders/" + poId).status()).isEqualTo(404);
		assertThat(supplierA.post("/api/supplier/purchase-orders/" + poId + "/confirm", Map.of()).status())
			.isEqualTo(404);
		assertThat(supplierA.get("/api/supplier/purchase-orders").json().get("total").asLong()).isZero();
		List<Long> portalIds = new ArrayList<>();
		supplierB.get("/api/supplier/purchase-orders").json().get("items").forEach(i -> portalIds.add(i.get("id").asLong()));
		assertThat(portalIds).containsExactly(poId);
		// a resident is no supplier
		assertThat(ann.get("/api/supplier/purchase-orders").status()).isEqualTo(403);

		// the supplier confirms the apples in full and only 3 of the 4 eggs, and announces the delivery
		var tooMany = supplierB.post("/api/supplier/purchase-orders/" + poId + "/confirm",
				Map.of("lines", List.of(Map.of("lineId", eggLine.get("id").asLong(), "quantity", 5))));
		assertThat(tooMany.status()).isEqualTo(400);
		var confirmed = supplierB.post("/api/supplier/purchase-orders/" + poId + "/confirm",
				Map.of("lines", List.of(Map.of("lineId", eggLine.get("id").asLong(), "quantity", 3))));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(confirmed.json().get("status").asText()).isEqualTo("CONFIRMED");
		assertThat(SupplyFixtures.line(confirmed.json(), eggSku).get("confirmed").asInt()).isEqualTo(3);
		assertThat(SupplyFixtures.line(confirmed.json(), appleSku).get("confirmed").asInt()).isEqualTo(5);
		assertThat(SupplyFixtures.line(confirmed.json(), appleSku).has("forDemand")).isTrue();
		Instant at = clock.instant().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		var announced = supplierB.post("/api/supplier/purchase-orders/" + poId + "/delivery",
				Map.of("deliveryAt", at.toString()));
		assertThat(announced.status()).as(announced.toString()).isEqualTo(200);
		assertThat(Instant.parse(announced.json().get("announcedAt").asText())).isEqualTo(at);

		// receiving: 2 apples accepted, 3 rejected for quality; 3 eggs accepted
		Api warehouse = Api.at(port).newAccount("WAREHOUSE_STAFF");
		assertThat(supplierB.get("/api/warehouse/purchase-orders/" + poId).status()).isEqualTo(403);
		String appleBatch = "B-APL-" + NetworkFixtures.unique();
		String eggBatch = "B-EGG-" + NetworkFixtures.unique();
		var missingReason = warehouse.post("/api/warehouse/purchase-orders/" + poId + "/receipt",
				Map.of("lines", List.of(receipt(appleLine, 2, 3, null, appleBatch, today))));
		assertThat(missingReason.status()).isEqualTo(400);
		var received = warehouse.post("/api/warehouse/purchase-orders/" + poId + "/receipt",
				Map.of("lines", List.of(receipt(appleLine, 2, 3, "QUALITY", appleBatch, today),
						receipt(eggLine, 3, 0, null, eggBatch, today.minusDays(1)))));
		assertThat(received.status()).as(received.toString()).isEqualTo(200);
		JsonNode after = received.json();
		assertThat(after.get("status").asText()).isEqualTo("DELIVERED");
		assertThat(SupplyFixtures.line(after, appleSku).get("rejectReason").asText()).isEqualTo("QUALITY");
		assertThat(after.get("acceptedFen").asLong()).isEqualTo(2 * 1200 + 3 * 1500);
		// a second receipt of the same lines changes nothing
		assertThat(warehouse.post("/api/warehouse/purchase-orders/" + poId + "/receipt",
				Map.of("lines", List.of(receipt(eggLine, 3, 0, null, eggBatch, today)))).status()).isEqualTo(409);

		// shortages: apples 4 for the demand, 2 accepted -> 2 short; eggs 4, 3 accepted -> 1 short
		Map<String, JsonNode> shortages = new HashMap<>();
		after.get("shortages").forEach(s -> shortages.put(s.get("skuName").asText().startsWith("烟台") ? "apples" : "eggs", s));
		assertThat(shortages.get("apples").get("units").asInt()).isEqualTo(2);
		assertThat(shortages.get("apples").get("refundedUnits").asInt()).isEqualTo(2);
		assertThat(shortages.get("apples").get("refundedFen").asLong()).isEqualTo(2 * 1990);
		assertThat(shortages.get("eggs").get("units").asInt()).isEqualTo(1);
		assertThat(shortages.get("eggs").get("refundedFen").asLong()).isEqualTo(2280);

		// supply's events: the goods received (both lines) and one shortage per SKU
		var goods = supplyEvents.received(poId);
		assertThat(goods).hasSize(1);
		assertThat(goods.get(0).lines()).extracting(GoodsReceived.Line::accepted).containsExactlyInAnyOrder(2, 3);
		assertThat(goods.get(0).lines()).extracting(GoodsReceived.Line::rejectReason).contains(RejectReason.QUALITY);
		assertThat(supplyEvents.shortages(poId)).extracting(ShortageFound::units, ShortageFound::refundedUnits)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(2, 2), org.assertj.core.groups.Tuple.tuple(1, 1));

		// newest orders refunded first: apples off cai's (1, newest with apples) and bob's order (1); eggs off dan's
		assertThat(refunded(ann, annOrder)).isZero();
		assertThat(refunded(bob, bobOrder)).isEqualTo(1990);
		assertThat(refunded(cai, caiOrder)).isEqualTo(1990);
		assertThat(refunded(dan, danOrder)).isEqualTo(2280);
		assertThat(line(bob, bobOrder, apples).get("refundedQuantity").asInt()).isEqualTo(1);
		assertThat(line(cai, caiOrder, apples).get("refundedQuantity").asInt()).isEqualTo(1);
		assertThat(line(cai, caiOrder, eggs).get("refundedQuantity").asInt()).isZero();

		// residents and leaders are told
		assertThat(awaitMessages(bob, "REFUND", 1)).anySatisfy(m -> assertThat(m.get("body").asText()).contains("19.90"));
		assertThat(awaitMessages(cai, "REFUND", 1)).isNotEmpty();
		assertThat(awaitMessages(dan, "REFUND", 1)).anySatisfy(m -> assertThat(m.get("body").asText()).contains("22.80"));
		assertThat(messages(ann, "REFUND")).isEmpty();
		assertThat(awaitMessages(northLeader, "LEADER_REFUND", 1)).hasSize(1); // bob's apples
		assertThat(awaitMessages(southLeader, "LEADER_REFUND", 2)).hasSize(2); // cai's apples, dan's eggs

		// stock, reservations, batches and the ledger agree (inventory's API)
		var appleStock = operator.get("/api/inventory/warehouses/" + centralId + "/stock/" + appleSku.id().value()).json();
		assertThat(appleStock.get("onHand").asLong()).isEqualTo(2 + 2);
		assertThat(appleStock.get("reserved").asLong()).isEqualTo(4);
		assertThat(appleStock.get("available").asLong()).isZero();
		assertThat(appleStock.get("ledgerSum").asLong()).isEqualTo(4);
		List<String> appleBatches = new ArrayList<>();
		appleStock.get("batches").forEach(b -> appleBatches.add(b.get("batchNo").asText() + ":" + b.get("remaining").asLong()));
		assertThat(appleBatches).hasSize(2).contains(appleBatch + ":2");
		List<String> receipts = new ArrayList<>();
		appleStock.get("movements").forEach(m -> receipts.add(m.get("kind").asText() + ":" + m.get("quantity").asLong()
				+ ":" + m.path("reference").asText()));
		assertThat(receipts).contains("RECEIPT:2:po-line:" + appleLine.get("id").asLong());
		var eggStock = operator.get("/api/inventory/warehouses/" + centralId + "/stock/" + eggSku.id().value()).json();
		assertThat(eggStock.get("onHand").asLong()).isEqualTo(3);
		assertThat(eggStock.get("reserved").asLong()).isEqualTo(3);
		assertThat(eggStock.get("ledgerSum").asLong()).isEqualTo(3);
		assertThat(eggStock.get("batches")).hasSize(1);
		assertThat(eggStock.get("batches").get(0).get("batchNo").asText()).isEqualTo(eggBatch);
		assertThat(LocalDate.parse(eggStock.get("batches").get(0).get("expiresOn").asText()))
			.isEqualTo(today.minusDays(1).plusDays(eggSku.shelfLifeDays()));
		assertThat(stock.stock(central, appleSku.id()).reserved()).isEqualTo(4);

		// the scorecard and the statement see the delivery
		var scores = operator.get("/api/suppliers/" + preferred + "/scores?period=WEEK&count=1").json();
		JsonNode card = scores.get(0);
		assertThat(card.get("orders").asInt()).isEqualTo(1);
		assertThat(card.get("fillRate").asDouble()).isEqualTo((2 + 3 + 3) / 9.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(card.get("qualityRate").asDouble()).isEqualTo(5 / 8.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(card.get("onTimeRate").asDouble()).isEqualTo(1.0);
		assertThat(card.get("complaintRate").asDouble()).isEqualTo(0.0);
		var statement = operator.post("/api/suppliers/" + preferred + "/statements", Map.of());
		assertThat(statement.status()).as(statement.toString()).isEqualTo(201);
		assertThat(statement.json().get("goodsFen").asLong()).isEqualTo(2 * 1200 + 3 * 1500);
		var portalStatements = supplierB.get("/api/supplier/statements").json();
		assertThat(portalStatements.get(0).get("totalFen").asLong()).isEqualTo(2 * 1200 + 3 * 1500);
		assertThat(supplierA.get("/api/supplier/statements/" + statement.id()).status()).isEqualTo(404);
	}

	static Map<String, Object> receipt(JsonNode line, int accepted, int rejected, String reason, String batch,
			LocalDate produced) {
		var m = new HashMap<String, Object>();
		m.put("lineId", line.get("id").asLong());
		m.put("accepted", accepted);
		m.put("rejected", rejected);
		if (reason != null) {
			m.put("rejectReason", reason);
		}
		m.put("batchNo", batch);
		m.put("productionDate", produced.toString());
		return m;
	}

	static long refunded(Api resident, JsonNode order) {
		return resident.get("/api/orders/" + order.get("id").asLong()).json().get("refundedFen").asLong();
	}

	static JsonNode line(Api resident, JsonNode order, Listing listing) {
		return FulfilmentFixtures.line(resident.get("/api/orders/" + order.get("id").asLong()).json(), listing);
	}

	static List<JsonNode> messages(Api who, String kind) {
		List<JsonNode> found = new ArrayList<>();
		who.get("/api/messages?size=50").json().get("items").forEach(m -> {
			if (m.get("kind").asText().equals(kind)) {
				found.add(m);
			}
		});
		return found;
	}

	static List<JsonNode> awaitMessages(Api who, String kind, int count) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (true) {
			var found = messages(who, kind);
			if (found.size() >= count || deadline.passed()) {
				return found;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return found;
			}
		}
	}
}
