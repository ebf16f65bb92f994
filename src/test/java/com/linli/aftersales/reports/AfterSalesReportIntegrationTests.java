package com.linli.aftersales.reports;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.aftersales.QualityAlertRaised;
import com.linli.aftersales.internal.reports.QualityAlerts;
import com.linli.catalog.Category;
import com.linli.catalog.NewProduct;
import com.linli.catalog.NewSku;
import com.linli.catalog.ProductManagement;
import com.linli.catalog.Sku;
import com.linli.catalog.StorageTemperature;
import com.linli.identity.Actor;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.PickupPoint;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderRefundManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.ordering.WebSession;
import com.linli.shared.ActedBy;
import com.linli.shared.SupplierId;
import com.linli.supply.SupplyFixtures;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * After-sales reports through HTTP over real orders picked up at two pickup points of a region of the test's own
 * (the denominators), and after-sales requests written straight into {@code aftersales.request} (the read model's
 * input; the request lifecycle is another part's). Every figure to the unit and the fen; the workbook; region
 * scoping; the quality alert once for a jump and never for a steady SKU, for an explicit day.
 */
@IntegrationTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AfterSalesReportIntegrationTests {

	private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	ProductManagement products;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrderRefundManagement refunds;

	@Autowired
	QualityAlerts qualityAlerts;

	OrderingFixtures world;

	ZoneId zone;

	LocalDate day;

	long supplier;

	String supplierName;

	Sku apples;

	Sku pears;

	PickupPoint north;

	PickupPoint south;

	String northKeeper;

	String southKeeper;

	Api operator;

	String operatorPhone;

	Api stranger;

	@BeforeAll
	void world() {
		world = new OrderingFixtures(context, port);
		zone = world.region.zone();
		day = world.pickupDate;
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var marketing = new MarketingFixtures(context);
		Api admin = Api.at(port).asAdmin();
		supplier = new SupplyFixtures(admin, port).supplier("报表果业", "PREFERRED", day.plusYears(1));
		supplierName = admin.get("/api/suppliers/" + supplier).json().get("name").asText();
		Category fruit = marketing.category("报表水果", 1);
		// apples come from the supplier by default; pears have no supplier
		var product = products.createProduct(new NewProduct(fruit.id(), "报表苹果", "烟台红富士", "山东烟台", java.util.Set.of(),
				new SupplierId(supplier), List.of(new NewSku("500g/份", "份", null, StorageTemperature.CHILLED, 7, 500))),
				ActedBy.system("test"));
		apples = products.skusOf(product.id()).get(0);
		pears = marketing.sku(fruit, "报表雪梨", "1kg/份");
		Listing appleListing = world.listing(apples, "12.35", 500, 50);
		Listing pearListing = world.listing(pears, "8.80", 500, 50);
		north = world.pickupPoint;
		south = world.anotherPickupPoint();
		var northLeader = pickups.leader(north);
		var southLeader = pickups.leader(south);
		northKeeper = northLeader.api().get("/api/me").json().get("displayName").asText();
		southKeeper = southLeader.api().get("/api/me").json().get("displayName").asText();

		// picked up: north 20 apples + 5 pears, south 20 apples + 15 pears
		var firstOrder = pickups.readyOrder(world.resident(north), north, appleListing, 10, pearListing, 5);
		handOut(northLeader, firstOrder);
		// 2 of its apples refunded after pickup (as an after-sales refund does): they were handed out all the same
		var appleLine = com.linli.fulfilment.FulfilmentFixtures.line(firstOrder, appleListing);
		assertThat(refunds.refundLine(new OrderId(firstOrder.get("id").asLong()),
				new OrderLineId(appleLine.get("id").asLong()), 2, "report-test-" + SEQ.incrementAndGet(), "QUALITY", "坏果",
				true).fen()).isEqualTo(2470);
		handOut(northLeader, pickups.readyOrder(world.resident(north), north, appleListing, 10));
		handOut(southLeader, pickups.readyOrder(world.resident(south), south, appleListing, 20, pearListing, 15));
		// ready but never collected: not in the units sold
		pickups.readyOrder(world.resident(north), north, appleListing, 7);

		operatorPhone = Api.newPhone();
		var created = admin.post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName", "报表运营", "password",
				"secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { world.region.id().value() }));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		operator = Api.at(port).as(operatorPhone, "secret123");
		stranger = MarketingFixtures.operatorOf(Api.at(port), new MarketingFixtures(context).region());

		long a = apples.id().value();
		long p = pears.id().value();
		// counted: 1-4; rejected: 5; withdrawn: 6
		request(a, north, "QUALITY", "REFUND_ONLY", 2, 2470, 2470L, "REFUNDED", true, at(day, 10, 0), at(day, 10, 0), supplier);
		request(a, north, "DAMAGED", "REFUND_ONLY", 1, 1235, 1235L, "REFUNDED", false, at(day, 11, 0), at(day, 13, 0), supplier);
		request(a, south, "WRONG_ITEM", "EXCHANGE", 3, 3705, null, "EXCHANGED", false, at(day.plusDays(1), 9, 0),
				at(day.plusDays(1), 10, 0), supplier);
		request(p, south, "EXPIRED", "REFUND_ONLY", 4, 3520, null, "SUBMITTED", false, at(day.plusDays(1), 12, 0), null, null);
		request(p, north, "OTHER", "REFUND_ONLY", 1, 880, null, "REJECTED", false, at(day, 15, 0), at(day, 16, 0), null);
		request(a, south, "QUALITY", "REFUND_ONLY", 1, 1235, null, "WITHDRAWN", false, at(day.plusDays(1), 8, 0), null,
				supplier);
	}

	private String period() {
		return "regionId=" + world.region.id().value() + "&from=" + day.minusDays(1) + "&to=" + day.plusDays(1);
	}

	@Test
	void theReportCountsEveryFigureToTheUnitAndTheFen() {
		var response = operator.get("/api/admin/aftersales/reports?" + period());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode report = response.json();

		var s = report.get("summary");
		assertThat(s.get("requests").asLong()).isEqualTo(4);
		assertThat(s.get("units").asLong()).isEqualTo(10);
		assertThat(s.get("soldUnits").asLong()).isEqualTo(60);
		assertThat(s.get("paidFen").asLong()).isEqualTo(40 * 1235 + 20 * 880);
		assertThat(s.get("refundedFen").asLong()).isEqualTo(3705);
		assertThat(s.get("replacedFen").asLong()).isEqualTo(3705);
		assertThat(s.get("rejected").asLong()).isEqualTo(1);
		assertThat(s.get("withdrawn").asLong()).isEqualTo(1);
		assertThat(s.get("unitRate").asDouble()).isCloseTo(10.0 / 60, within(1e-12));
		assertThat(s.get("amountRate").asDouble()).isCloseTo(3705.0 / 67_000, within(1e-12));
		assertThat(s.get("quickShare").asDouble()).isCloseTo(0.25, within(1e-12));
		// decisions after 0 s, 1 h (rejected), 1 h, 2 h: the median is an hour
		assertThat(s.get("medianDecisionSeconds").asLong()).isEqualTo(3600);

		// by product
		var products = byKey(report.get("products"));
		assertThat(products).hasSize(2);
		row(products.get(Long.toString(apples.id().value())), 3, 6, 40, 49_400, 3705, 3705, 0, 1);
		assertThat(products.get(Long.toString(apples.id().value())).get("name").asText()).contains("报表苹果");
		row(products.get(Long.toString(pears.id().value())), 1, 4, 20, 17_600, 0, 0, 1, 0);
		assertThat(products.get(Long.toString(apples.id().value())).get("unitRate").asDouble())
			.isCloseTo(6.0 / 40, within(1e-12));
		// top products (at least 20 units sold): pears 20 %, apples 15 %
		assertThat(report.get("topProducts")).extracting(n -> n.get("key").asText())
			.containsExactly(Long.toString(pears.id().value()), Long.toString(apples.id().value()));

		// by supplier: the apples' supplier; pears have none (key 0)
		var suppliers = byKey(report.get("suppliers"));
		row(suppliers.get(Long.toString(supplier)), 3, 6, 40, 49_400, 3705, 3705, 0, 1);
		assertThat(suppliers.get(Long.toString(supplier)).get("name").asText()).isEqualTo(supplierName);
		row(suppliers.get("0"), 1, 4, 20, 17_600, 0, 0, 1, 0);

		// by leader (pickup point), with who keeps it
		var leaders = byKey(report.get("leaders"));
		var n = leaders.get(Long.toString(north.id().value()));
		row(n, 2, 3, 25, 20 * 1235 + 5 * 880, 3705, 0, 1, 0);
		assertThat(n.get("name").asText()).isEqualTo(north.name());
		assertThat(n.get("detail").asText()).isEqualTo(northKeeper);
		var so = leaders.get(Long.toString(south.id().value()));
		row(so, 2, 7, 35, 20 * 1235 + 15 * 880, 0, 3705, 0, 1);
		assertThat(so.get("detail").asText()).isEqualTo(southKeeper);

		// by reason, over everything sold
		var reasons = byKey(report.get("reasons"));
		row(reasons.get("QUALITY"), 1, 2, 60, 67_000, 2470, 0, 0, 1);
		row(reasons.get("DAMAGED"), 1, 1, 60, 67_000, 1235, 0, 0, 0);
		row(reasons.get("WRONG_ITEM"), 1, 3, 60, 67_000, 0, 3705, 0, 0);
		row(reasons.get("EXPIRED"), 1, 4, 60, 67_000, 0, 0, 0, 0);
		row(reasons.get("OTHER"), 0, 0, 60, 67_000, 0, 0, 1, 0);

		// every day of the period
		var days = byKey(report.get("days"));
		assertThat(report.get("days")).extracting(d -> d.get("key").asText())
			.containsExactly(day.minusDays(1).toString(), day.toString(), day.plusDays(1).toString());
		row(days.get(day.minusDays(1).toString()), 0, 0, 0, 0, 0, 0, 0, 0);
		row(days.get(day.toString()), 2, 3, 60, 67_000, 3705, 0, 1, 0);
		row(days.get(day.plusDays(1).toString()), 2, 7, 0, 0, 0, 3705, 0, 1);
		assertThat(days.get(day.plusDays(1).toString()).path("unitRate").isNumber()).isFalse(); // nothing sold: no rate

		// one table alone says the same
		var alone = operator.get("/api/admin/aftersales/reports/leaders?" + period());
		assertThat(alone.status()).isEqualTo(200);
		assertThat(alone.json()).hasSize(2);
	}

	@Test
	void theWorkbookHasASheetPerTableWithItsRows() throws Exception {
		var response = operator.get("/api/admin/aftersales/reports.xlsx?" + period());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.contentType()).contains("spreadsheetml");
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
			var sheets = workbook.getSheets().toList();
			assertThat(sheets).extracting(sh -> sh.getName()).containsExactly("按商品", "按供应商", "按团长", "按原因", "按日");
			List<Row> productRows = sheets.get(0).read();
			assertThat(productRows).hasSize(4); // title, header, apples, pears
			assertThat(productRows.get(1).getCellText(0)).isEqualTo("商品");
			Row apple = productRows.subList(2, 4).stream().filter(r -> r.getCellText(0).contains("报表苹果")).findFirst()
				.orElseThrow();
			assertThat(apple.getCellAsNumber(2).orElseThrow().intValue()).isEqualTo(3);
			assertThat(apple.getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(6);
			assertThat(apple.getCellAsNumber(4).orElseThrow().intValue()).isEqualTo(40);
			assertThat(apple.getCellAsNumber(6).orElseThrow().doubleValue()).isEqualTo(37.05);
			assertThat(apple.getCellAsNumber(7).orElseThrow().doubleValue()).isEqualTo(494.00);
			List<Row> leaderRows = sheets.get(2).read();
			assertThat(leaderRows).hasSize(4);
			assertThat(leaderRows.subList(2, 4)).extracting(r -> r.getCellText(0))
				.containsExactlyInAnyOrder(north.name(), south.name());
			List<Row> reasonRows = sheets.get(3).read();
			assertThat(reasonRows).hasSize(2 + 5);
			assertThat(sheets.get(4).read()).hasSize(2 + 3);
		}
	}

	@Test
	void anotherRegionsOperatorIsRefusedAndBadInputNamesTheField() {
		for (String path : List.of("/api/admin/aftersales/reports?", "/api/admin/aftersales/reports/products?",
				"/api/admin/aftersales/reports.xlsx?", "/api/admin/aftersales/quality-alerts?")) {
			assertThat(stranger.get(path + period()).status()).as(path).isEqualTo(403);
		}
		assertThat(stranger.post("/api/admin/aftersales/quality-alerts/checks",
				Map.of("regionId", world.region.id().value(), "day", day.toString())).status()).isEqualTo(403);
		assertThat(world.resident().get("/api/admin/aftersales/reports?" + period()).status()).isEqualTo(403);
		var backwards = operator.get("/api/admin/aftersales/reports?regionId=" + world.region.id().value() + "&from="
				+ day + "&to=" + day.minusDays(1));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.errorFields()).containsExactly("to");
		var noRegion = operator.get("/api/admin/aftersales/reports");
		assertThat(noRegion.status()).isEqualTo(400);
		assertThat(noRegion.errorFields()).containsExactly("regionId");
		var noDay = operator.post("/api/admin/aftersales/quality-alerts/checks", Map.of("regionId", world.region.id().value()));
		assertThat(noDay.status()).isEqualTo(400);
		assertThat(noDay.errorFields()).containsExactly("day");
	}

	@Test
	void theConsolePageShowsTheTilesTablesAndCharts() {
		var session = WebSession.signIn(port, operatorPhone, "secret123");
		var page = session.get("/console/aftersales/reports?" + period());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"tile-requests\">4<", "16.67%", "¥37.05", "25%", "60 分钟",
				north.name(), northKeeper, supplierName, "chart-days", "echarts.min.js", "/console/aftersales/reports.xlsx");
		var download = session.get("/console/aftersales/reports.xlsx?" + period());
		assertThat(download.status()).isEqualTo(200);
		var elsewhere = WebSession.signIn(port, operatorPhone, "secret123")
			.get("/console/aftersales/reports?regionId=" + (world.region.id().value() + 1_000_000));
		assertThat(elsewhere.status()).isEqualTo(403);
	}

	@Test
	void aJumpRaisesOneAlertOnceAndASteadySkuNone(ApplicationEvents events) {
		// a region of its own: a steady SKU and one that jumps, 20 units each picked up on the pickup date
		var alertWorld = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(alertWorld, cutoffOrders, deliveryOrders, port);
		var marketing = new MarketingFixtures(context);
		Category veg = marketing.category("预警蔬菜", 1);
		Sku steady = marketing.sku(veg, "预警白菜", "1棵");
		Sku jumpy = marketing.sku(veg, "预警番茄", "500g/份");
		Listing steadyListing = alertWorld.listing(steady, "3.50", 500, 50);
		Listing jumpyListing = alertWorld.listing(jumpy, "6.90", 500, 50);
		var leader = pickups.leader(alertWorld.pickupPoint);
		handOut(leader, pickups.readyOrder(alertWorld.resident(), alertWorld.pickupPoint, steadyListing, 20, jumpyListing, 20));
		LocalDate pickedUp = alertWorld.pickupDate;
		LocalDate checked = pickedUp.plusDays(1);
		ZoneId z = alertWorld.region.zone();
		// the 28 days before: the steady one 5 of 20 (25 %), the jumpy one 1 of 20 (5 %)
		for (int i = 0; i < 5; i++) {
			request(alertWorld, steady, "QUALITY", at(z, pickedUp, 18, i));
		}
		request(alertWorld, jumpy, "QUALITY", at(z, pickedUp, 19, 0));
		// the checked day (not picked up then: divided by 20, its average pickup day): steady 5 of 20 = 25 %, not
		// above 50 %; jumpy 6 of 20 = 30 % > 10 %; a change of mind does not count
		for (int i = 0; i < 5; i++) {
			request(alertWorld, steady, "DAMAGED", at(z, checked, 9, i));
		}
		for (int i = 0; i < 6; i++) {
			request(alertWorld, jumpy, i % 2 == 0 ? "EXPIRED" : "QUALITY", at(z, checked, 10, i));
		}
		request(alertWorld, steady, "OTHER", at(z, checked, 11, 0));

		var first = qualityAlerts.check(Actor.system("test"), checked, alertWorld.region.id()).orElseThrow();
		assertThat(first.raised()).hasSize(1);
		var alert = first.raised().get(0);
		assertThat(alert.skuId()).isEqualTo(jumpy.id().value());
		assertThat(alert.requests()).isEqualTo(6);
		assertThat(alert.rate()).isCloseTo(0.30, within(1e-12));
		assertThat(alert.baselineRate()).isCloseTo(0.05, within(1e-12));
		assertThat(alert.basis()).isEqualTo("SKU");
		var published = events.stream(QualityAlertRaised.class)
			.filter(e -> e.regionId().equals(alertWorld.region.id())).toList();
		assertThat(published).hasSize(1);
		assertThat(published.get(0).skuId()).isEqualTo(jumpy.id());
		assertThat(published.get(0).day()).isEqualTo(checked);

		// "check now" by the region's operator: the same day again adds nothing
		Api regionOperator = MarketingFixtures.operatorOf(Api.at(port), alertWorld.region);
		var again = regionOperator.post("/api/admin/aftersales/quality-alerts/checks",
				Map.of("regionId", alertWorld.region.id().value(), "day", checked.toString()));
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().get("ran").asBoolean()).isTrue();
		assertThat(again.json().get("raised")).isEmpty();
		assertThat(events.stream(QualityAlertRaised.class).filter(e -> e.regionId().equals(alertWorld.region.id())))
			.hasSize(1);
		// the pickup day itself: no history before it, so the floor (1 %) is the baseline; the steady SKU's first
		// day, 5 of 20 = 25 %, is a jump above it (the jumpy one had a single request then)
		var firstDay = regionOperator.post("/api/admin/aftersales/quality-alerts/checks",
				Map.of("regionId", alertWorld.region.id().value(), "day", pickedUp.toString()));
		assertThat(firstDay.status()).as(firstDay.toString()).isEqualTo(200);
		assertThat(firstDay.json().get("raised")).hasSize(1);
		var noHistory = firstDay.json().get("raised").get(0);
		assertThat(noHistory.get("skuId").asLong()).isEqualTo(steady.id().value());
		assertThat(noHistory.get("basis").asText()).isEqualTo("FLOOR");
		assertThat(noHistory.get("baselineRate").asDouble()).isCloseTo(0.01, within(1e-12));
		assertThat(noHistory.get("rate").asDouble()).isCloseTo(0.25, within(1e-12));

		var listed = regionOperator.get("/api/admin/aftersales/quality-alerts?regionId=" + alertWorld.region.id().value()
				+ "&from=" + pickedUp + "&to=" + checked);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json()).extracting(a -> a.get("day").asText() + " " + a.get("skuId").asLong())
			.containsExactly(checked + " " + jumpy.id().value(), pickedUp + " " + steady.id().value());
		assertThat(listed.json().get(0).get("skuName").asText()).contains("预警番茄");
		assertThat(jdbc.sql("select count(*) from aftersales.quality_alert where region_id = ?")
			.param(alertWorld.region.id().value()).query(Long.class).single()).isEqualTo(2);
		// another region's operator sees none of them
		assertThat(operator.get("/api/admin/aftersales/quality-alerts?regionId=" + alertWorld.region.id().value())
			.status()).isEqualTo(403);
	}

	// ---- helpers ----------------------------------------------------------------------------------------

	private static void handOut(PickupFixtures.LeaderLogin leader, JsonNode order) {
		var response = leader.api().post("/api/leader/pickups", Map.of("pickupCode", order.get("pickupCode").asText()));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	private Instant at(LocalDate date, int hour, int minute) {
		return at(zone, date, hour, minute);
	}

	private static Instant at(ZoneId zone, LocalDate date, int hour, int minute) {
		return date.atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
	}

	private void request(OrderingFixtures w, Sku sku, String reason, Instant submitted) {
		insert(w.region.id().value(), w.pickupPoint.id().value(), w.pickupDate, sku.id().value(), sku.productId().value(),
				sku.categoryId().value(), null, sku.displayName(), reason, "REFUND_ONLY", 1, 690, null, "SUBMITTED", false,
				submitted, null);
	}

	private void request(long skuId, PickupPoint point, String reason, String kind, int quantity, long amountFen,
			Long refundedFen, String status, boolean quick, Instant submitted, Instant decided, Long supplierId) {
		Sku sku = skuId == apples.id().value() ? apples : pears;
		insert(world.region.id().value(), point.id().value(), day, skuId, sku.productId().value(),
				sku.categoryId().value(), supplierId, sku.displayName(), reason, kind, quantity, amountFen, refundedFen,
				status, quick, submitted, decided);
	}

	private void insert(long region, long point, LocalDate pickupDate, long sku, long product, long category,
			Long supplierId, String skuName, String reason, String kind, int quantity, long amountFen, Long refundedFen,
			String status, boolean quick, Instant submitted, Instant decided) {
		long n = SEQ.incrementAndGet();
		jdbc.sql("""
				insert into aftersales.request (request_no, resident_id, order_id, order_no, line_id, region_id,
				    pickup_point_id, pickup_date, sku_id, product_id, category_id, supplier_id, sku_name, kind, reason,
				    quantity, amount_fen, refunded_fen, status, quick, submit_key, submitted_at, decided_at, completed_at)
				values (?, 0, 0, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params("RPT" + n, "RPT-ORDER-" + n, region, point, pickupDate, sku, product, category, supplierId, skuName,
					kind, reason, quantity, amountFen, refundedFen, status, quick, UUID.randomUUID().toString(),
					java.sql.Timestamp.from(submitted), decided == null ? null : java.sql.Timestamp.from(decided),
					refundedFen == null ? null : java.sql.Timestamp.from(decided))
			.update();
	}

	private static Map<String, JsonNode> byKey(JsonNode rows) {
		Map<String, JsonNode> m = new HashMap<>();
		rows.forEach(r -> m.put(r.get("key").asText(), r));
		return m;
	}

	private static void row(JsonNode row, long requests, long units, long soldUnits, long paidFen, long refundedFen,
			long replacedFen, long rejected, long withdrawn) {
		assertThat(row).as("row").isNotNull();
		List<Long> actual = new ArrayList<>();
		for (String f : List.of("requests", "units", "soldUnits", "paidFen", "refundedFen", "replacedFen", "rejected",
				"withdrawn")) {
			actual.add(row.get(f).asLong());
		}
		assertThat(actual).as(row.toString())
			.containsExactly(requests, units, soldUnits, paidFen, refundedFen, replacedFen, rejected, withdrawn);
	}
}
