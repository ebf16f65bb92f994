package com.linli.logistics.warehouse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.QrCodes;
import com.linli.TestClock;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.inventory.InventoryFixtures;
import com.linli.inventory.StockManagement;
import com.linli.logistics.Load;
import com.linli.marketing.Listing;
import com.linli.network.NetworkFixtures;
import com.linli.network.PickupPoint;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.ordering.OrderingFixtures;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid warehouse's morning through HTTP: after a cutoff, the run's central -> grid transfer is executed by
 * warehouse staff (once per SKU, partially when central is short, the rest on a rerun once goods came), the
 * truck's dispatch then sells the transferred units without moving them again; a ready plan's sorting waves
 * list routes then stops with the loading order reversed; its crate labels PDF has one page per crate with the
 * texts and a QR that decodes to the crate code, which the scan endpoint resolves to its stop.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarehouseIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	StockManagement stock;

	@Autowired
	JdbcClient jdbc;

	OrderingFixtures world;

	FulfilmentFixtures day;

	Warehouse central;

	WarehouseId grid;

	PickupPoint north;

	PickupPoint east;

	PickupPoint south;

	Listing apples;

	Listing eggs;

	long runId;

	long planId;

	long route1;

	long route2;

	Api operator;

	Api staff;

	@BeforeAll
	void aCompletedCutoffOfAGridWarehouseWithThreePickupPointsAndAReadyPlan() {
		world = new OrderingFixtures(context, port);
		day = new FulfilmentFixtures(world, port);
		var fixtures = new WarehouseFixtures(context);
		central = new InventoryFixtures(context).central(world.region);
		north = world.pickupPoint;
		grid = north.gridWarehouseId();
		east = fixtures.pointOn(world.region, grid, "东湖苑", 30.285, 120.14);
		south = fixtures.pointOn(world.region, grid, "南山里", 30.27, 120.135);
		apples = world.listing("红富士苹果", "19.90", 100, 5);
		eggs = world.listing("土鸡蛋 30枚", "22.80", 100, 5);
		day.paidOrder(world.resident(north), apples, 2, eggs, 1);
		day.paidOrder(world.resident(east), apples, 3);
		day.paidOrder(world.resident(south), eggs, 2);
		operator = day.operator();
		runId = day.cutoff(operator).get("id").asLong();
		staff = WarehouseFixtures.staffOf(Api.at(port), "WAREHOUSE_STAFF", world.region);

		long v1 = fixtures.vehicle(world.region, grid);
		long v2 = fixtures.vehicle(world.region, grid);
		var date = world.pickupDate;
		planId = fixtures.readyPlan(runId, world.region, grid, date, List.of(
				WarehouseFixtures.route(1, v1, date, LocalTime.of(5, 0), List.of(
						WarehouseFixtures.stop(north, date, 20, new Load(1, 2, 0, 3.5), 1),
						WarehouseFixtures.stop(east, date, 40, new Load(0, 1, 0, 1.5), 1))),
				WarehouseFixtures.route(2, v2, date, LocalTime.of(5, 30), List.of(
						WarehouseFixtures.stop(south, date, 55, new Load(0, 1, 1, 2.0), 1)))));
		route1 = routeId(1);
		route2 = routeId(2);
	}

	@Test
	void transfersMoveEachSkuOnceCentralDownGridUpPartiallyWhenShortAndTheDispatchDoesNotMoveThemAgain()
			throws Exception {
		String demand = "cutoff-run:" + runId;
		// 3 of the 5 apples came for the run, held at central; the eggs are free stock
		stock.receive(central.id(), apples.skuId(), 3, "AP-W1", TestClock.today(), "po-line:w1-" + runId, demand);
		stock.receive(central.id(), eggs.skuId(), 10, "EG-W1", TestClock.today(), "po-line:w2-" + runId, null);
		String transfer = "/api/admin/logistics/cutoff-runs/" + runId + "/grid-warehouses/" + grid.value() + "/transfer";

		var plan = staff.get(transfer);
		assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
		JsonNode planned = line(plan.json(), apples);
		assertThat(planned.get("needed").asLong()).isEqualTo(5);
		assertThat(planned.get("atCentral").asLong()).isEqualTo(3);
		assertThat(planned.get("planned").asLong()).isEqualTo(5);
		assertThat(planned.get("shortUnits").asLong()).isEqualTo(2);
		assertThat(planned.get("executed").asBoolean()).isFalse();
		assertThat(line(plan.json(), eggs).get("planned").asLong()).isEqualTo(3);

		var first = staff.post(transfer, Map.of());
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(line(first.json(), apples).get("movedNow").asLong()).isEqualTo(3);
		assertThat(line(first.json(), apples).get("shortUnits").asLong()).isEqualTo(2);
		assertThat(line(first.json(), eggs).get("movedNow").asLong()).isEqualTo(3);
		assertThat(first.json().get("shortUnits").asLong()).isEqualTo(2);
		assertThat(onHand(central.id(), apples)).isZero();
		assertThat(stock.held(demand, apples.skuId())).isZero();
		assertThat(onHand(central.id(), eggs)).isEqualTo(7);
		assertThat(onHand(grid, apples)).isEqualTo(3);
		assertThat(onHand(grid, eggs)).isEqualTo(3);
		assertThat(movements(grid, apples)).containsExactly("TRANSFER_IN:3:transfer:" + runId + ":" + grid);
		assertThat(movements(central.id(), apples)).containsExactly("TRANSFER_OUT:-3:transfer:" + runId + ":" + grid);

		// executing again moves nothing more
		var again = staff.post(transfer, Map.of());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("movedNowUnits").asLong()).isZero();
		assertThat(onHand(grid, apples)).isEqualTo(3);
		assertThat(onHand(central.id(), eggs)).isEqualTo(7);

		// the 2 missing apples arrive (and 4 more for other days): the rerun moves the 2 still owed, no more
		stock.receive(central.id(), apples.skuId(), 6, "AP-W2", TestClock.today(), "po-line:w3-" + runId, null);
		var late = staff.post(transfer, Map.of());
		assertThat(line(late.json(), apples).get("movedNow").asLong()).isEqualTo(2);
		assertThat(line(late.json(), apples).get("moved").asLong()).isEqualTo(5);
		assertThat(late.json().get("shortUnits").asLong()).isZero();
		assertThat(staff.post(transfer, Map.of()).json().get("movedNowUnits").asLong()).isZero();
		assertThat(onHand(central.id(), apples)).isEqualTo(4);
		assertThat(onHand(grid, apples)).isEqualTo(5);

		// the truck leaves: the goods are at the grid warehouse, sold there, not moved from central again
		var dispatch = operator.post("/api/cutoff-runs/" + runId + "/grid-warehouses/" + grid.value() + "/dispatch", Map.of());
		assertThat(dispatch.status()).as(dispatch.toString()).isEqualTo(201);
		await(() -> sold(apples) == 5 && sold(eggs) == 3);
		assertThat(onHand(grid, apples)).isZero();
		assertThat(onHand(grid, eggs)).isZero();
		assertThat(onHand(central.id(), apples)).isEqualTo(4);
		assertThat(onHand(central.id(), eggs)).isEqualTo(7);
		assertThat(jdbc.sql("select sum(moved) from inventory.dispatch_move where run_id = ? and grid_warehouse_id = ?")
			.params(runId, grid.value()).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select sum(used) from inventory.run_transfer where run_id = ? and grid_warehouse_id = ?")
			.params(runId, grid.value()).query(Long.class).single()).isEqualTo(8);
		for (var w : List.of(central.id(), grid)) {
			for (var l : List.of(apples, eggs)) {
				long ledger = jdbc.sql("select coalesce(sum(quantity), 0) from inventory.movement where warehouse_id = ? and sku_id = ?")
					.params(w.value(), l.skuId().value()).query(Long.class).single();
				assertThat(ledger).isEqualTo(onHand(w, l));
			}
		}
		// still nothing to move after the truck left
		assertThat(staff.post(transfer, Map.of()).json().get("movedNowUnits").asLong()).isZero();
		// the demo's morning executes the same transfer: nothing more moves
		var run = context.getBean(com.linli.fulfilment.CutoffManagement.class)
			.get(new com.linli.fulfilment.CutoffRunId(runId), com.linli.identity.Actor.system("test"));
		var demo = context.getBean(com.linli.demo.internal.WarehouseDemo.class).transfer(run, grid);
		assertThat(demo).isPresent();
		assertThat(demo.get().movedNowUnits()).isZero();
		assertThat(demo.get().movedUnits()).isEqualTo(8);
	}

	@Test
	void wavesListRoutesThenStopsWithTheLastStopLoadedFirst() {
		var waves = staff.get("/api/admin/logistics/plans/" + planId + "/waves");
		assertThat(waves.status()).as(waves.toString()).isEqualTo(200);
		JsonNode w = waves.json().get("waves");
		assertThat(w).hasSize(2);
		assertThat(w.get(0).get("waveNo").asInt()).isEqualTo(1);
		JsonNode r1 = w.get(0).get("routes").get(0);
		assertThat(r1.get("routeNo").asInt()).isEqualTo(1);
		assertThat(r1.get("vehiclePlate").asText()).startsWith("浙A");
		assertThat(names(r1.get("stops"))).containsExactly(north.name(), east.name());
		long northStop = r1.get("stops").get(0).get("stopId").asLong();
		long eastStop = r1.get("stops").get(1).get("stopId").asLong();
		assertThat(r1.get("loadingOrder").get(0).asLong()).isEqualTo(eastStop);
		assertThat(r1.get("loadingOrder").get(1).asLong()).isEqualTo(northStop);
		JsonNode northLines = r1.get("stops").get(0).get("lines");
		assertThat(units(northLines, apples)).isEqualTo(2);
		assertThat(units(northLines, eggs)).isEqualTo(1);
		assertThat(northLines.get(0).get("zone").asText()).isEqualTo("CHILLED");
		assertThat(r1.get("stops").get(0).get("crates").get("chilledCrates").asInt()).isEqualTo(2);
		assertThat(units(r1.get("stops").get(1).get("lines"), apples)).isEqualTo(3);
		JsonNode r2 = w.get(1).get("routes").get(0);
		assertThat(r2.get("routeNo").asInt()).isEqualTo(2);
		assertThat(names(r2.get("stops"))).containsExactly(south.name());
		assertThat(units(r2.get("stops").get(0).get("lines"), eggs)).isEqualTo(2);

		String page = com.linli.ordering.WebSession.signIn(port, phoneOf(staff), "secret123")
			.get("/warehouse/logistics/waves?planId=" + planId).body();
		assertThat(page).contains(north.name(), east.name(), south.name(), "labels.pdf", "红富士苹果");
	}

	@Test
	void theLabelsPdfHasOneLabelPerCrateWithItsTextsAndAQrOfTheCrateCode() throws IOException {
		var pdf = staff.get("/api/admin/logistics/plans/" + planId + "/labels.pdf");
		assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		var reader = new PdfReader(pdf.body());
		assertThat(reader.getNumberOfPages()).isEqualTo(6);
		var extractor = new PdfTextExtractor(reader);
		long northStop = stopId(north);
		long southStop = stopId(south);
		String first = flat(extractor.getTextFromPage(1));
		assertThat(first).contains(flat(north.name()), flat(north.address()), "线路1·第1站", "常温", "第1/1箱",
				world.pickupDate.toString(), "LLC:" + planId + ":" + northStop + ":AMBIENT:1");
		assertThat(flat(extractor.getTextFromPage(3))).contains("冷藏", "第2/2箱", "LLC:" + planId + ":" + northStop + ":CHILLED:2");
		String last = flat(extractor.getTextFromPage(6));
		assertThat(last).contains(flat(south.name()), "线路2·第1站", "冷冻", "第1/1箱");
		assertThat(QrCodes.read(qrOf(reader, 1))).isEqualTo("LLC:" + planId + ":" + northStop + ":AMBIENT:1");
		assertThat(QrCodes.read(qrOf(reader, 6))).isEqualTo("LLC:" + planId + ":" + southStop + ":FROZEN:1");

		var ofRoute2 = staff.get("/api/admin/logistics/plans/" + planId + "/labels.pdf?routeId=" + route2);
		assertThat(new PdfReader(ofRoute2.body()).getNumberOfPages()).isEqualTo(2);
		assertThat(staff.get("/api/admin/logistics/plans/" + planId + "/labels.pdf?routeId=999999999").status())
			.isEqualTo(400);

		// a scanned crate resolves to its route and stop
		var scanned = staff.get("/api/admin/logistics/crates?code=LLC:" + planId + ":" + southStop + ":FROZEN:1");
		assertThat(scanned.status()).as(scanned.toString()).isEqualTo(200);
		assertThat(scanned.json().get("routeNo").asInt()).isEqualTo(2);
		assertThat(scanned.json().get("seq").asInt()).isEqualTo(1);
		assertThat(scanned.json().get("pickupPointName").asText()).isEqualTo(south.name());
		assertThat(scanned.json().get("count").asInt()).isEqualTo(1);
		assertThat(staff.get("/api/admin/logistics/crates?code=LLC:" + planId + ":" + southStop + ":FROZEN:2").status())
			.isEqualTo(404);
		var bad = staff.get("/api/admin/logistics/crates?code=hello");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactly("code");
	}

	@Test
	void anotherRegionsPlanIsRefusedAPlanNotReadyIsAConflictAndARunNotCompletedIsNotTransferred() {
		var admin = Api.at(port).asAdmin();
		long otherRegion = new NetworkFixtures(admin).region();
		Api stranger = WarehouseFixtures.staffOf(Api.at(port), "OPERATOR",
				context.getBean(com.linli.network.RegionManagement.class).getRegion(new com.linli.network.RegionId(otherRegion)));
		assertThat(stranger.get("/api/admin/logistics/plans/" + planId + "/waves").status()).isEqualTo(403);
		assertThat(stranger.get("/api/admin/logistics/plans/" + planId + "/labels.pdf").status()).isEqualTo(403);
		assertThat(stranger.get("/api/admin/logistics/crates?code=LLC:" + planId + ":" + stopId(north) + ":AMBIENT:1")
			.status()).isEqualTo(403);
		String transfer = "/api/admin/logistics/cutoff-runs/" + runId + "/grid-warehouses/" + grid.value() + "/transfer";
		assertThat(stranger.post(transfer, Map.of()).status()).isEqualTo(403);
		assertThat(staff.get("/api/admin/logistics/plans/999999999/waves").status()).isEqualTo(404);

		// a plan still solving
		Warehouse otherGrid = new InventoryFixtures(context).grid(world.region);
		long solving = context.getBean(com.linli.logistics.internal.RoutePlans.class).start(runId,
				world.region.id().value(), otherGrid.id().value(), world.pickupDate, 5000, null, TestClock.now());
		var notReady = staff.get("/api/admin/logistics/plans/" + solving + "/waves");
		assertThat(notReady.status()).as(notReady.toString()).isEqualTo(409);
		assertThat(notReady.json().get("code").asText()).isEqualTo("plan-not-ready");
		assertThat(staff.get("/api/admin/logistics/plans/" + solving + "/labels.pdf").status()).isEqualTo(409);

		// a run not completed yet moves nothing
		long running = jdbc.sql("""
				insert into fulfilment.cutoff_run (region_id, pickup_date, status, started_at, updated_at)
				values (?, ?, 'RUNNING', ?, ?) returning id""")
			.params(world.region.id().value(), world.pickupDate.plusDays(20), java.sql.Timestamp.from(TestClock.now()),
					java.sql.Timestamp.from(TestClock.now()))
			.query(Long.class).single();
		try {
			var refused = staff.post("/api/admin/logistics/cutoff-runs/" + running + "/grid-warehouses/" + grid.value()
					+ "/transfer", Map.of());
			assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
			assertThat(refused.json().get("code").asText()).isEqualTo("cutoff-not-completed");
			assertThat(jdbc.sql("select count(*) from inventory.run_transfer where run_id = ?").param(running)
				.query(Long.class).single()).isZero();
		}
		finally {
			jdbc.sql("delete from fulfilment.cutoff_run where id = ?").param(running).update();
		}
		// a warehouse that is not a grid warehouse of the run's region
		assertThat(staff.post("/api/admin/logistics/cutoff-runs/" + runId + "/grid-warehouses/" + central.id().value()
				+ "/transfer", Map.of()).status()).isEqualTo(400);
	}

	private long routeId(int routeNo) {
		return jdbc.sql("select id from logistics.route where plan_id = ? and route_no = ?").params(planId, routeNo)
			.query(Long.class).single();
	}

	private long stopId(PickupPoint point) {
		return jdbc.sql("select id from logistics.route_stop where plan_id = ? and pickup_point_id = ?")
			.params(planId, point.id().value()).query(Long.class).single();
	}

	private String phoneOf(Api api) {
		return api.get("/api/me").json().get("phone").asText();
	}

	/** The first image of a page, as the grey pixels embedded. */
	static BufferedImage qrOf(PdfReader reader, int page) {
		PdfDictionary resources = (PdfDictionary) PdfReader.getPdfObject(reader.getPageN(page).get(PdfName.RESOURCES));
		PdfDictionary objects = (PdfDictionary) PdfReader.getPdfObject(resources.get(PdfName.XOBJECT));
		for (PdfName name : objects.getKeys()) {
			if (PdfReader.getPdfObject(objects.get(name)) instanceof PRStream stream
					&& PdfName.IMAGE.equals(stream.get(PdfName.SUBTYPE))) {
				int width = stream.getAsNumber(PdfName.WIDTH).intValue();
				int height = stream.getAsNumber(PdfName.HEIGHT).intValue();
				byte[] grey;
				try {
					grey = PdfReader.getStreamBytes(stream);
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
				var image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
				image.getRaster().setDataElements(0, 0, width, height, grey);
				return image;
			}
		}
		throw new AssertionError("no image on page " + page);
	}

	private static String flat(String text) {
		return text.replaceAll("\\s+", "");
	}

	private static List<String> names(JsonNode stops) {
		List<String> names = new ArrayList<>();
		stops.forEach(s -> names.add(s.get("pickupPointName").asText()));
		return names;
	}

	private static long units(JsonNode lines, Listing listing) {
		for (JsonNode l : lines) {
			if (l.get("skuId").asLong() == listing.skuId().value()) {
				return l.get("units").asLong();
			}
		}
		return 0;
	}

	private static JsonNode line(JsonNode plan, Listing listing) {
		for (JsonNode l : plan.get("lines")) {
			if (l.get("skuId").asLong() == listing.skuId().value()) {
				return l;
			}
		}
		throw new AssertionError("no line of SKU " + listing.skuId() + " in " + plan);
	}

	private long onHand(WarehouseId warehouse, Listing listing) {
		return stock.stock(warehouse, listing.skuId()).onHand();
	}

	private long sold(Listing listing) {
		return jdbc.sql("select coalesce(max(sold), 0) from inventory.dispatch_move where run_id = ? and grid_warehouse_id = ? and sku_id = ?")
			.params(runId, grid.value(), listing.skuId().value()).query(Long.class).single();
	}

	private List<String> movements(WarehouseId warehouse, Listing listing) {
		return jdbc.sql("""
				select kind || ':' || quantity || ':' || reference from inventory.movement
				 where warehouse_id = ? and sku_id = ? and kind like 'TRANSFER%' order by id""")
			.params(warehouse.value(), listing.skuId().value()).query(String.class).list();
	}

	private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		Instant until = TestClock.now().plus(Duration.ofSeconds(15));
		while (!condition.getAsBoolean() && TestClock.now().isBefore(until)) {
			Thread.sleep(100);
		}
	}
}
