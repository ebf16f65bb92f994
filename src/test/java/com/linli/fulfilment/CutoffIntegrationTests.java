package com.linli.fulfilment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.fulfilment.internal.export.PdfFonts;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.PickupPoint;
import com.linli.ordering.OrderingFixtures;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region's day through HTTP: residents at two pickup points order and pay (one does not), staff run
 * the cutoff, the sorting lists and the demand come out right to the unit, exports read back, the
 * truck leaves, and a leader receives the goods with a shortage that is refunded to the fen.
 */
@IntegrationTest
class CutoffIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FulfilmentEventsRecorder events;

	@Autowired
	PdfFonts fonts;

	OrderingFixtures world;

	FulfilmentFixtures day;

	PickupPoint north;

	PickupPoint south;

	Listing apples;

	Listing eggs;

	Listing milk;

	Api ann;

	Api bob;

	Api cai;

	Api dan;

	JsonNode annOrder;

	JsonNode bobOrder;

	JsonNode caiOrder;

	JsonNode danOrder;

	@BeforeEach
	void aDayOfOrders() {
		world = new OrderingFixtures(context, port);
		day = new FulfilmentFixtures(world, port);
		north = world.pickupPoint;
		south = world.anotherPickupPoint();
		apples = world.listing("红富士苹果", "19.90", 100, 5);
		eggs = world.listing("土鸡蛋 30枚", "22.80", 100, 5);
		milk = world.listing("纯牛奶 250ml×12", "39.90", 100, 5);
		ann = world.resident(north);
		bob = world.resident(north);
		cai = world.resident(south);
		dan = world.resident(south);
		annOrder = day.paidOrder(ann, apples, 2, eggs, 1);
		bobOrder = day.paidOrder(bob, apples, 3);
		caiOrder = day.paidOrder(cai, eggs, 2, milk, 1);
		danOrder = day.order(dan, milk, 1); // never paid: cancelled at cutoff
	}

	@Test
	void theCutoffConfirmsPaidOrdersCancelsUnpaidOnesAndSortsEveryUnitOnce() throws IOException {
		var operator = day.operator();
		var run = day.cutoff(operator);

		assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
		assertThat(run.get("progressPercent").asInt()).isEqualTo(100);
		assertThat(run.get("orders").asInt()).isEqualTo(3);
		assertThat(run.get("lines").asLong()).isEqualTo(5);
		assertThat(run.get("units").asLong()).isEqualTo(2 + 1 + 3 + 2 + 1);
		assertThat(run.get("pickupPoints").asInt()).isEqualTo(2);
		assertThat(run.get("gridWarehouses").asInt()).isEqualTo(2);
		long runId = run.get("id").asLong();

		assertThat(status(ann, annOrder)).isEqualTo("CONFIRMED");
		assertThat(status(cai, caiOrder)).isEqualTo("CONFIRMED");
		var cancelled = dan.get("/api/orders/" + danOrder.get("id").asLong()).json();
		assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
		// the fixture's listings close hours from now: an early cutoff, so its resident could still have paid
		assertThat(cancelled.get("cancelReason").asText()).isEqualTo("CUTOFF_EARLY");

		assertThat(demand(operator, runId)).containsExactlyInAnyOrderEntriesOf(Map.of(
				"红富士苹果", 5L, "土鸡蛋 30枚", 3L, "纯牛奶 250ml×12", 1L));

		var northGrid = operator.get("/api/cutoff-runs/" + runId + "/grid-warehouses/" + north.gridWarehouseId().value()
				+ "/pick-list").json();
		assertThat(pickUnits(northGrid, north)).containsExactlyInAnyOrderEntriesOf(Map.of("红富士苹果", 5L, "土鸡蛋 30枚", 1L));
		var southGrid = operator.get("/api/cutoff-runs/" + runId + "/grid-warehouses/" + south.gridWarehouseId().value()
				+ "/pick-list").json();
		assertThat(pickUnits(southGrid, south)).containsExactlyInAnyOrderEntriesOf(Map.of("土鸡蛋 30枚", 2L, "纯牛奶 250ml×12", 1L));

		var northList = operator.get("/api/cutoff-runs/" + runId + "/pickup-points/" + north.id().value() + "/sorting-list").json();
		assertThat(northList.get("point").get("orders").asInt()).isEqualTo(2);
		assertThat(northList.get("point").get("units").asLong()).isEqualTo(6);
		Map<String, String> codes = new HashMap<>();
		for (JsonNode o : northList.get("orders")) {
			codes.put(o.get("orderNo").asText(), o.get("pickupCode").asText());
			assertThat(o.get("phoneTail").asText()).matches("\\d{4}");
		}
		assertThat(codes).containsEntry(annOrder.get("orderNo").asText(), annOrder.get("pickupCode").asText())
			.containsEntry(bobOrder.get("orderNo").asText(), bobOrder.get("pickupCode").asText());
		assertThat(events.completed(new CutoffRunId(runId))).hasSize(1);

		// running it again confirms nothing new and writes no line twice
		var again = day.cutoff(operator);
		assertThat(again.get("id").asLong()).isEqualTo(runId);
		assertThat(again.get("attempts").asInt()).isEqualTo(2);
		assertThat(again.get("lines").asLong()).isEqualTo(5);
		assertThat(again.get("units").asLong()).isEqualTo(9);
		assertThat(jdbc.sql("select count(*) from fulfilment.sorting_line where run_id = ?").param(runId).query(Long.class)
			.single()).isEqualTo(5);
		assertThat(demand(operator, runId)).containsEntry("红富士苹果", 5L);
		assertThat(events.completed(new CutoffRunId(runId))).as("no second event when nothing changed").hasSize(1);
	}

	@Test
	void sortingListsDownloadAsExcelAndPdfWithTheLinesAUserChecks() throws IOException {
		var operator = day.operator();
		long runId = day.cutoff(operator).get("id").asLong();
		String base = "/api/cutoff-runs/" + runId;

		var pickXlsx = operator.get(base + "/grid-warehouses/" + north.gridWarehouseId().value() + "/pick-list.xlsx");
		assertThat(pickXlsx.status()).isEqualTo(200);
		assertThat(pickXlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		List<Row> rows = sheet(pickXlsx.body(), 0);
		Row header = rows.stream().filter(r -> r.getRowNum() == 4).findFirst().orElseThrow(); // row 4: the table header
		assertThat(header.getCellText(0)).isEqualTo("商品");
		assertThat(header.getCellText(4)).isEqualTo(north.name());
		Row applesRow = rows.stream().filter(r -> r.getCellText(0).equals("红富士苹果")).findFirst().orElseThrow();
		assertThat(applesRow.getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(5);
		assertThat(applesRow.getCellAsNumber(4).orElseThrow().intValue()).isEqualTo(5);
		Row total = rows.get(rows.size() - 1);
		assertThat(total.getCellText(0)).isEqualTo("合计");
		assertThat(total.getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(6);

		var pointXlsx = operator.get(base + "/pickup-points/" + north.id().value() + "/sorting-list.xlsx");
		assertThat(pointXlsx.status()).isEqualTo(200);
		List<Row> orderRows = sheet(pointXlsx.body(), 0);
		var annRows = orderRows.stream().filter(r -> r.getCellText(1).equals(annOrder.get("orderNo").asText())).toList();
		assertThat(annRows).hasSize(2);
		assertThat(annRows).allSatisfy(r -> assertThat(r.getCellText(0)).isEqualTo(annOrder.get("pickupCode").asText()));
		assertThat(annRows.stream().map(r -> r.getCellText(4) + "×" + r.getCellAsNumber(6).orElseThrow().intValue()))
			.containsExactlyInAnyOrder("红富士苹果×2", "土鸡蛋 30枚×1");
		List<Row> productRows = sheet(pointXlsx.body(), 1);
		assertThat(productRows.stream().filter(r -> r.getCellText(0).equals("红富士苹果")).findFirst().orElseThrow()
			.getCellAsNumber(2).orElseThrow().intValue()).isEqualTo(5);

		var demandXlsx = operator.get(base + "/demand.xlsx");
		assertThat(sheet(demandXlsx.body(), 0).stream().filter(r -> r.getCellText(1).equals("土鸡蛋 30枚")).findFirst()
			.orElseThrow().getCellAsNumber(5).orElseThrow().intValue()).isEqualTo(3);

		var pickPdf = operator.get(base + "/grid-warehouses/" + north.gridWarehouseId().value() + "/pick-list.pdf");
		var pointPdf = operator.get(base + "/pickup-points/" + north.id().value() + "/sorting-list.pdf");
		for (var pdf : List.of(pickPdf, pointPdf)) {
			assertThat(pdf.status()).isEqualTo(200);
			assertThat(pdf.contentType()).isEqualTo("application/pdf");
			assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
			assertThat(new PdfReader(pdf.body()).getNumberOfPages()).isGreaterThanOrEqualTo(1);
		}
		// kept for a person to look at (pdftoppm -png target/exports/*.pdf)
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/exports"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/exports/pick-list.pdf"), pickPdf.body());
		java.nio.file.Files.write(java.nio.file.Path.of("target/exports/sorting-list.pdf"), pointPdf.body());
		java.nio.file.Files.write(java.nio.file.Path.of("target/exports/sorting-list.xlsx"), pointXlsx.body());
		String pointText = text(pointPdf.body());
		assertThat(pointText).contains(annOrder.get("pickupCode").asText(), bobOrder.get("pickupCode").asText(),
				annOrder.get("orderNo").asText());
		if (fonts.cjk()) {
			assertThat(pointText).contains("红富士苹果", north.name());
			assertThat(text(pickPdf.body())).contains("红富士苹果", "土鸡蛋 30枚", north.name());
		}
		assertThat(operator.get(base + "/pickup-points/" + south.id().value() + "/sorting-list.pdf").status()).isEqualTo(200);
		assertThat(operator.get(base + "/pickup-points/987654321/sorting-list.pdf").status()).isEqualTo(404);
	}

	@Test
	void theLeaderReceivesWithAShortageAndTheResidentIsRefundedToTheFen() {
		var operator = day.operator();
		long runId = day.cutoff(operator).get("id").asLong();
		var leader = day.leaderOf(north);
		String date = world.pickupDate.toString();

		var dispatched = operator.post("/api/cutoff-runs/" + runId + "/grid-warehouses/" + north.gridWarehouseId().value()
				+ "/dispatch", Map.of());
		assertThat(dispatched.status()).isEqualTo(201);
		assertThat(dispatched.json().get("ordersShipped").asInt()).isEqualTo(2);
		assertThat(status(ann, annOrder)).isEqualTo("SHIPPED");
		assertThat(status(cai, caiOrder)).as("the other grid warehouse's truck has not left").isEqualTo("CONFIRMED");
		var twice = operator.post("/api/cutoff-runs/" + runId + "/grid-warehouses/" + north.gridWarehouseId().value()
				+ "/dispatch", Map.of());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("code").asText()).isEqualTo("nothing-to-dispatch");

		var expected = leader.get("/api/fulfilment/my-point/" + date);
		assertThat(expected.status()).isEqualTo(200);
		assertThat(expected.json().get("ordersToReceive").asInt()).isEqualTo(2);
		assertThat(expected.json().get("unitsToReceive").asInt()).isEqualTo(6);
		Map<String, Integer> products = new HashMap<>();
		expected.json().get("products").forEach(p -> products.put(p.get("skuName").asText(), p.get("units").asInt()));
		assertThat(products).containsExactlyInAnyOrderEntriesOf(Map.of("红富士苹果", 5, "土鸡蛋 30枚", 1));

		long annApples = FulfilmentFixtures.line(annOrder, apples).get("id").asLong();
		var tooMany = leader.post("/api/fulfilment/my-point/" + date + "/receipt",
				Map.of("shortages", List.of(Map.of("orderLineId", annApples, "quantity", 3))));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.errorFields()).containsExactly("shortages." + annApples);
		var negative = leader.post("/api/fulfilment/my-point/" + date + "/receipt",
				Map.of("shortages", List.of(Map.of("orderLineId", annApples, "quantity", -1))));
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.errorFields()).containsExactly("shortages[0].quantity");
		long caiEggs = FulfilmentFixtures.line(caiOrder, eggs).get("id").asLong();
		var otherPoint = leader.post("/api/fulfilment/my-point/" + date + "/receipt",
				Map.of("shortages", List.of(Map.of("orderLineId", caiEggs, "quantity", 1))));
		assertThat(otherPoint.status()).as("a line of another pickup point").isEqualTo(400);
		assertThat(status(ann, annOrder)).as("bad receipts change nothing").isEqualTo("SHIPPED");

		var receipt = leader.post("/api/fulfilment/my-point/" + date + "/receipt",
				Map.of("shortages", List.of(Map.of("orderLineId", annApples, "quantity", 1)), "reason", "1 个苹果压坏"));
		assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
		assertThat(receipt.json().get("ordersReady").asInt()).isEqualTo(2);
		assertThat(receipt.json().get("shortUnits").asInt()).isEqualTo(1);
		assertThat(receipt.json().get("refundedFen").asLong()).isEqualTo(1990);

		var annAfter = ann.get("/api/orders/" + annOrder.get("id").asLong()).json();
		assertThat(annAfter.get("status").asText()).isEqualTo("READY_FOR_PICKUP");
		assertThat(annAfter.get("refundedFen").asLong()).isEqualTo(1990);
		assertThat(FulfilmentFixtures.line(annAfter, apples).get("refundedQuantity").asInt()).isEqualTo(1);
		assertThat(FulfilmentFixtures.line(annAfter, apples).get("refundedFen").asLong()).isEqualTo(1990);
		assertThat(FulfilmentFixtures.line(annAfter, eggs).get("refundedQuantity").asInt()).isZero();
		var bobAfter = bob.get("/api/orders/" + bobOrder.get("id").asLong()).json();
		assertThat(bobAfter.get("status").asText()).isEqualTo("READY_FOR_PICKUP");
		assertThat(bobAfter.get("refundedFen").asLong()).isZero();
		assertThat(status(cai, caiOrder)).isEqualTo("CONFIRMED");
		assertThat(events.arrived(north.id())).singleElement().satisfies(e -> {
			assertThat(e.ordersReady()).isEqualTo(2);
			assertThat(e.refunded().fen()).isEqualTo(1990);
		});

		var again = leader.post("/api/fulfilment/my-point/" + date + "/receipt", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("nothing-to-receive");
		var after = leader.get("/api/fulfilment/my-point/" + date).json();
		assertThat(after.get("ordersToReceive").asInt()).isZero();
		assertThat(after.get("ordersReceived").asInt()).isEqualTo(2);
		assertThat(after.get("receipts")).hasSize(1);
		assertThat(ann.get("/api/orders/" + annOrder.get("id").asLong()).json().get("refundedFen").asLong())
			.as("refunded once").isEqualTo(1990);

		var sorting = leader.get("/api/fulfilment/my-point/" + date + "/sorting-list");
		assertThat(sorting.status()).isEqualTo(200);
		assertThat(sorting.json().get("orders")).hasSize(2);
		assertThat(leader.get("/api/fulfilment/my-point/" + date + "/sorting-list.pdf").contentType())
			.isEqualTo("application/pdf");
	}

	@Test
	void onlyStaffOfTheRegionRunCutoffsAndOnlyTheLeaderOfThePointReceivesIt() {
		var api = Api.at(port);
		var body = Map.of("regionId", world.region.id().value(), "pickupDate", world.pickupDate.toString());
		var elsewhere = MarketingFixtures.operatorOf(api, new MarketingFixtures(context).region());

		assertThat(api.post("/api/cutoff-runs", body).status()).isEqualTo(401);
		assertThat(ann.post("/api/cutoff-runs", body).status()).isEqualTo(403);
		assertThat(elsewhere.post("/api/cutoff-runs", body).status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from fulfilment.cutoff_run where region_id = ?")
			.param(world.region.id().value()).query(Long.class).single()).as("nothing ran").isZero();
		assertThat(status(ann, annOrder)).isEqualTo("PAID");

		var operator = day.operator();
		long runId = day.cutoff(operator).get("id").asLong();
		assertThat(elsewhere.get("/api/cutoff-runs/" + runId).status()).isEqualTo(403);
		assertThat(elsewhere.get("/api/cutoff-runs/" + runId + "/pickup-points/" + north.id().value() + "/sorting-list.pdf")
			.status()).isEqualTo(403);
		assertThat(elsewhere.post("/api/cutoff-runs/" + runId + "/grid-warehouses/" + north.gridWarehouseId().value()
				+ "/dispatch", Map.of()).status()).isEqualTo(403);
		assertThat(elsewhere.get("/api/cutoff-runs?regionId=" + world.region.id().value()).status()).isEqualTo(403);
		assertThat(operator.get("/api/cutoff-runs?regionId=" + world.region.id().value()).json().get("total").asLong())
			.isEqualTo(1);

		String date = world.pickupDate.toString();
		var northLeader = day.leaderOf(north);
		var southLeader = day.leaderOf(south);
		assertThat(api.get("/api/fulfilment/my-point/" + date).status()).isEqualTo(401);
		assertThat(ann.get("/api/fulfilment/my-point/" + date).status()).isEqualTo(403);
		assertThat(operator.get("/api/fulfilment/my-point/" + date).status()).isEqualTo(403);
		var southView = southLeader.get("/api/fulfilment/my-point/" + date).json();
		assertThat(southView.get("pickupPointId").asLong()).isEqualTo(south.id().value());
		assertThat(southView.get("orders").toString()).doesNotContain(annOrder.get("orderNo").asText());
		long annApples = FulfilmentFixtures.line(annOrder, apples).get("id").asLong();
		var foreign = southLeader.post("/api/fulfilment/my-point/" + date + "/receipt",
				Map.of("shortages", List.of(Map.of("orderLineId", annApples, "quantity", 1))));
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(status(ann, annOrder)).isEqualTo("CONFIRMED");

		var admin = Api.at(port).asAdmin();
		long leaderId = -1;
		for (JsonNode l : admin.get("/api/leaders?regionId=" + world.region.id().value()).json().get("items")) {
			if (l.get("pickupPointId").asLong() == north.id().value()) {
				leaderId = l.get("id").asLong();
			}
		}
		assertThat(admin.post("/api/leaders/" + leaderId + "/suspend", Map.of()).status()).isEqualTo(200);
		assertThat(northLeader.get("/api/fulfilment/my-point/" + date).status()).as("a suspended leader runs no point")
			.isEqualTo(403);
		assertThat(northLeader.post("/api/fulfilment/my-point/" + date + "/receipt", Map.of()).status()).isEqualTo(403);
		assertThat(status(ann, annOrder)).isEqualTo("CONFIRMED");
	}

	@Test
	void badCutoffRequestsNameTheFieldAndChangeNothing() {
		var operator = day.operator();
		var noRegion = operator.post("/api/cutoff-runs", Map.of("pickupDate", world.pickupDate.toString()));
		assertThat(noRegion.status()).isEqualTo(400);
		assertThat(noRegion.errorFields()).containsExactly("regionId");
		var badDate = operator.post("/api/cutoff-runs", Map.of("regionId", world.region.id().value(), "pickupDate", "tomorrow"));
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.errorFields()).containsExactly("pickupDate");
		var farAway = operator.post("/api/cutoff-runs", Map.of("regionId", world.region.id().value(), "pickupDate",
				world.pickupDate.plusYears(1).toString()));
		assertThat(farAway.status()).isEqualTo(400);
		assertThat(farAway.errorFields()).containsExactly("pickupDate");
		var unknown = Api.at(port).asAdmin().post("/api/cutoff-runs", Map.of("regionId", 987654321L, "pickupDate",
				world.pickupDate.toString()));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorFields()).containsExactly("regionId");
		assertThat(operator.get("/api/cutoff-runs/987654321").status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from fulfilment.cutoff_run where region_id = ?")
			.param(world.region.id().value()).query(Long.class).single()).isZero();
		assertThat(status(ann, annOrder)).isEqualTo("PAID");
	}

	private static String status(Api resident, JsonNode order) {
		return resident.get("/api/orders/" + order.get("id").asLong()).json().get("status").asText();
	}

	private static Map<String, Long> demand(Api staff, long runId) {
		Map<String, Long> units = new HashMap<>();
		staff.get("/api/cutoff-runs/" + runId + "/demand").json()
			.forEach(d -> units.put(d.get("skuName").asText(), d.get("units").asLong()));
		return units;
	}

	private static Map<String, Long> pickUnits(JsonNode pickList, PickupPoint point) {
		Map<String, Long> units = new HashMap<>();
		pickList.get("rows").forEach(r -> units.put(r.get("skuName").asText(),
				r.get("perPoint").get(String.valueOf(point.id().value())).asLong()));
		return units;
	}

	private static List<Row> sheet(byte[] xlsx, int index) throws IOException {
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			return new ArrayList<>(workbook.getSheet(index).orElseThrow().read());
		}
	}

	private static String text(byte[] pdf) throws IOException {
		var reader = new PdfReader(pdf);
		var extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		return text.toString();
	}
}
