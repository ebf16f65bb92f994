package com.linli.supply;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.linli.Deadline;
import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.Sku;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.marketing.Listing;
import com.linli.network.NetworkFixtures;
import com.linli.network.PickupPoint;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.WebSession;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The night after a cutoff through HTTP (issue 9, points 11, 13, 14): a rerun that took in a late order
 * drafts the difference; units refunded for a shortage come off the sorting and pick lists (marked as
 * short, on the pages' data and in the exports); the supplier's confirmation, receiving and the leader's
 * receipt are on the audit log.
 */
@IntegrationTest
class DayAfterCutoffIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

	OrderingFixtures world;

	FulfilmentFixtures day;

	Api operator;

	SupplyFixtures supply;

	Sku appleSku;

	Listing apples;

	long supplierId;

	void aRegionWithASupplierOfApples() {
		world = new OrderingFixtures(context, port);
		day = new FulfilmentFixtures(world, port);
		new NetworkFixtures(Api.at(port).asAdmin()).warehouse(world.region.id().value(), "CENTRAL");
		operator = day.operator();
		supply = new SupplyFixtures(operator, port);
		appleSku = world.sku("烟台红富士", "500g/份");
		apples = world.listing(appleSku, "19.90", 100, 9);
		supplierId = supply.supplier("青岛鲜果", "PREFERRED", LocalDate.now(clock).plusYears(1));
		supply.offer(supplierId, appleSku, 1200, 1);
	}

	@Test
	void aRerunThatTookInLateOrdersDraftsTheDifference() {
		aRegionWithASupplierOfApples();
		day.paidOrder(world.resident(), apples, 3);
		long runId = day.cutoff(operator).get("id").asLong();
		JsonNode first = SupplyFixtures.line(awaitOrders(runId, pos -> pos.size() == 1).get(0), appleSku);
		assertThat(first.get("forDemand").asInt()).isEqualTo(3);

		// a late order while the purchase order is still a draft: the draft is topped up
		day.paidOrder(world.resident(), apples, 2);
		assertThat(rerun().get("units").asLong()).isEqualTo(5);
		var topped = awaitOrders(runId, pos -> pos.size() == 1
				&& SupplyFixtures.line(pos.get(0), appleSku).get("forDemand").asInt() == 5);
		assertThat(topped).hasSize(1);
		assertThat(SupplyFixtures.line(topped.get(0), appleSku).get("ordered").asInt()).isEqualTo(5);

		// once it is sent, another late order gets an order of its own for the difference
		long poId = topped.get(0).get("id").asLong();
		assertThat(operator.post("/api/purchase-orders/" + poId + "/send", Map.of()).status()).isEqualTo(200);
		day.paidOrder(world.resident(), apples, 4);
		assertThat(rerun().get("units").asLong()).isEqualTo(9);
		var both = awaitOrders(runId, pos -> pos.size() == 2);
		assertThat(both).hasSize(2);
		JsonNode second = both.stream().filter(po -> po.get("id").asLong() != poId).findFirst().orElseThrow();
		assertThat(second.get("status").asText()).isEqualTo("DRAFT");
		assertThat(second.get("supplierId").asLong()).isEqualTo(supplierId);
		assertThat(SupplyFixtures.line(second, appleSku).get("forDemand").asInt()).isEqualTo(4);
		assertThat(SupplyFixtures.line(operator.get("/api/purchase-orders/" + poId).json(), appleSku).get("forDemand")
			.asInt()).isEqualTo(5);

		// a rerun with nothing new drafts nothing more
		assertThat(rerun().get("status").asText()).isEqualTo("COMPLETED");
		assertThat(supply.awaitPurchaseOrders(runId, 3)).hasSize(2);
	}

	@Test
	void unitsRefundedForAShortageComeOffTheSortingAndPickListsMarkedShort() throws Exception {
		aRegionWithASupplierOfApples();
		PickupPoint north = world.pickupPoint;
		Api leader = day.leaderOf(north);
		Api ann = world.resident(north);
		Api bob = world.resident(north);
		JsonNode annOrder = day.paidOrder(ann, apples, 2);
		JsonNode bobOrder = day.paidOrder(bob, apples, 3); // newest: refunded first
		long runId = day.cutoff(operator).get("id").asLong();
		long poId = received(runId, 3);

		// the supplier sent 3 of 5: bob's 2 units are refunded and his line is marked short
		String base = "/api/cutoff-runs/" + runId;
		String grid = base + "/grid-warehouses/" + north.gridWarehouseId().value();
		JsonNode pick = await(() -> operator.get(grid + "/pick-list").json(),
				p -> p.get("rows").get(0).get("shortUnits").asLong() == 2);
		JsonNode row = pick.get("rows").get(0);
		assertThat(row.get("total").asLong()).isEqualTo(3);
		assertThat(row.get("perPoint").get(String.valueOf(north.id().value())).asLong()).isEqualTo(3);
		assertThat(pick.get("grid").get("units").asLong()).isEqualTo(3);
		assertThat(pick.get("grid").get("shortUnits").asLong()).isEqualTo(2);

		JsonNode list = operator.get(base + "/pickup-points/" + north.id().value() + "/sorting-list").json();
		assertThat(list.get("point").get("units").asLong()).isEqualTo(3);
		assertThat(list.get("products").get(0).get("units").asLong()).isEqualTo(3);
		assertThat(list.get("products").get(0).get("shortUnits").asLong()).isEqualTo(2);
		assertThat(lineOf(list, bobOrder).get("quantity").asInt()).isEqualTo(1);
		assertThat(lineOf(list, bobOrder).get("shortQuantity").asInt()).isEqualTo(2);
		assertThat(lineOf(list, annOrder).get("quantity").asInt()).isEqualTo(2);
		assertThat(lineOf(list, annOrder).get("shortQuantity").asInt()).isZero();
		assertThat(operator.get(base + "/grid-warehouses").json().get(0).get("units").asLong()).isEqualTo(3);

		// the leader's list says the same
		JsonNode leaders = leader.get("/api/fulfilment/my-point/" + world.pickupDate + "/sorting-list").json();
		assertThat(leaders.get("point").get("units").asLong()).isEqualTo(3);
		assertThat(lineOf(leaders, bobOrder).get("shortQuantity").asInt()).isEqualTo(2);

		// and the exports: totals of what will come, the shortage in its own column
		var workbook = operator.get(grid + "/pick-list.xlsx");
		assertThat(workbook.status()).isEqualTo(200);
		try (var wb = new ReadableWorkbook(new ByteArrayInputStream(workbook.body()))) {
			var rows = wb.getFirstSheet().read();
			var header = rows.stream().filter(r -> "商品".equals(r.getCellText(0))).findFirst().orElseThrow();
			var apples = rows.stream().filter(r -> "烟台红富士".equals(r.getCellText(0))).findFirst().orElseThrow();
			int shortColumn = header.getCellCount() - 1;
			assertThat(header.getCellText(shortColumn)).isEqualTo("缺货已退款");
			assertThat(apples.getCellText(3)).isEqualTo("3");
			assertThat(apples.getCellText(shortColumn)).isEqualTo("-2");
		}
		var pdf = operator.get(base + "/pickup-points/" + north.id().value() + "/sorting-list.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		String text = pdfText(pdf.body());
		assertThat(text).contains("缺货 2");

		// the demand stays what was bought for; the truck is asked for what will really come
		assertThat(operator.get(base + "/demand").json().get(0).get("units").asLong()).isEqualTo(5);
		var dispatched = operator.post(grid + "/dispatch", Map.of());
		assertThat(dispatched.status()).as(dispatched.toString()).isEqualTo(201);
		assertThat(dispatched.json().get("missingUnits").asLong()).isZero();
		assertThat(poId).isPositive();
	}

	@Test
	void theSuppliersConfirmationReceivingAndTheLeadersReceiptAreOnTheAuditLog() {
		aRegionWithASupplierOfApples();
		PickupPoint north = world.pickupPoint;
		Api leader = day.leaderOf(north);
		day.paidOrder(world.resident(north), apples, 4);
		long runId = day.cutoff(operator).get("id").asLong();
		long poId = received(runId, 4);
		String poNo = operator.get("/api/purchase-orders/" + poId).json().get("poNo").asText();
		var dispatched = operator.post("/api/cutoff-runs/" + runId + "/grid-warehouses/" + north.gridWarehouseId().value()
				+ "/dispatch", Map.of());
		assertThat(dispatched.status()).as(dispatched.toString()).isEqualTo(201);
		var receipt = leader.post("/api/fulfilment/my-point/" + world.pickupDate + "/receipt", Map.of());
		assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);

		var admin = WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		String confirmations = admin.get("/console/audit?action=purchase-order.confirm").body();
		assertThat(confirmations).contains("purchase-order:" + poId).contains(poNo + " confirmed in full");
		String receiving = admin.get("/console/audit?action=purchase-order.receive").body();
		assertThat(receiving).contains("purchase-order:" + poId).contains("accepted 4");
		String receipts = admin.get("/console/audit?action=fulfilment.receipt").body();
		assertThat(receipts).contains("pickup-point:" + north.id()).contains(north.name() + " pickup " + world.pickupDate);
	}

	/** Awaits the run's purchase order, sends it, the supplier confirms it in full, the warehouse accepts {@code accepted} units. */
	private long received(long runId, int accepted) {
		JsonNode po = awaitOrders(runId, pos -> pos.size() == 1).get(0);
		long poId = po.get("id").asLong();
		assertThat(operator.post("/api/purchase-orders/" + poId + "/send", Map.of()).status()).isEqualTo(200);
		Api supplier = supply.login(supplierId);
		var confirmed = supplier.post("/api/supplier/purchase-orders/" + poId + "/confirm", Map.of());
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		Api warehouse = Api.at(port).newAccount("WAREHOUSE_STAFF");
		var line = SupplyFixtures.line(po, appleSku);
		var received = warehouse.post("/api/warehouse/purchase-orders/" + poId + "/receipt", Map.of("lines",
				List.of(SupplyChainEndToEndTests.receipt(line, accepted, 0, null, "B-" + NetworkFixtures.unique(),
						LocalDate.now(clock)))));
		assertThat(received.status()).as(received.toString()).isEqualTo(200);
		return poId;
	}

	/**
	 * Runs the cutoff again and waits for that attempt to complete (the previous attempt may hold the run's
	 * lock for a moment after completing: then the start answers the run as it is and is tried again).
	 */
	private JsonNode rerun() {
		Map<String, Object> body = Map.of("regionId", world.region.id().value(), "pickupDate", world.pickupDate.toString(),
				"early", true);
		int before = operator.get("/api/cutoff-runs?regionId=" + world.region.id().value()).json().get("items").get(0)
			.get("attempts").asInt();
		return await(() -> {
			var started = operator.post("/api/cutoff-runs", body);
			assertThat(started.status()).as(started.toString()).isEqualTo(202);
			return FulfilmentFixtures.awaitCompleted(operator, started.id());
		}, run -> run.get("attempts").asInt() > before && run.get("status").asText().equals("COMPLETED"));
	}

	private List<JsonNode> awaitOrders(long runId, Predicate<List<JsonNode>> done) {
		return await(() -> {
			List<JsonNode> items = new ArrayList<>();
			operator.get("/api/purchase-orders?cutoffRunId=" + runId).json().get("items").forEach(items::add);
			return items;
		}, done);
	}

	private static JsonNode lineOf(JsonNode list, JsonNode order) {
		for (JsonNode o : list.get("orders")) {
			if (o.get("orderId").asLong() == order.get("id").asLong()) {
				return o.get("lines").get(0);
			}
		}
		throw new IllegalStateException("order " + order.get("id") + " not on " + list);
	}

	private static String pdfText(byte[] pdf) throws Exception {
		var reader = new com.lowagie.text.pdf.PdfReader(pdf);
		var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page));
		}
		return text.toString();
	}

	private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done) {
		Deadline deadline = Deadline.inMillis(20_000);
		while (true) {
			T value = read.get();
			if (done.test(value) || deadline.passed()) {
				return value;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return value;
			}
		}
	}
}
