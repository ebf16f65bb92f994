package com.linli.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.marketing.Listing;
import com.linli.network.PickupPoint;
import com.linli.network.Warehouse;
import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flow of goods of the contract: residents order, the cutoff runs, goods are received reserved for the
 * run (one apple short), then the trucks leave. Inventory moves the dispatched units central -> grid and
 * sells them out of the grid warehouse, consuming the reservation, never below zero, the gap on record.
 */
@IntegrationTest
class DispatchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	StockManagement stock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void dispatchedUnitsLeaveTheCentralWarehouseThroughTheGridWarehouseFirstExpiryFirst() throws Exception {
		var world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		Warehouse central = new InventoryFixtures(context).central(world.region);
		PickupPoint north = world.pickupPoint;
		PickupPoint south = world.anotherPickupPoint();
		Listing apples = world.listing("红富士苹果", "19.90", 100, 5);
		Listing eggs = world.listing("土鸡蛋 30枚", "22.80", 100, 5);
		day.paidOrder(world.resident(north), apples, 2, eggs, 1);
		day.paidOrder(world.resident(north), apples, 3);
		day.paidOrder(world.resident(south), eggs, 2);
		Api operator = day.operator();
		long runId = day.cutoff(operator).get("id").asLong();
		String demand = "cutoff-run:" + runId;
		// supply received 4 of the 5 apples for this run, in two batches; eggs are in stock, free
		stock.receive(central.id(), apples.skuId(), 1, "AP-LATE", TestClock.today(), "po-line:x1" + runId, demand);
		var soon = stock.receive(central.id(), apples.skuId(), 3, "AP-SOON", TestClock.today().minusDays(3),
				"po-line:x2" + runId, demand);
		stock.receive(central.id(), eggs.skuId(), 10, "EG-1", TestClock.today(), "po-line:x3" + runId, null);

		// one apple short: the truck waits for it, or leaves on an override with a reason
		var refused = operator.post("/api/cutoff-runs/" + runId + "/grid-warehouses/" + north.gridWarehouseId()
				+ "/dispatch", Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("missingUnits").asLong()).isEqualTo(1);
		assertThat(operator.post("/api/cutoff-runs/" + runId + "/grid-warehouses/" + north.gridWarehouseId()
				+ "/dispatch", Map.of("override", true, "reason", "一个苹果明早补送")).status()).isEqualTo(201);
		await(() -> stock.stock(central.id(), apples.skuId()).onHand() == 0
				&& stock.stock(central.id(), eggs.skuId()).onHand() == 9);

		assertThat(stock.stock(central.id(), apples.skuId())).isEqualTo(Stock.of(central.id(), apples.skuId(), 0, 0));
		assertThat(stock.held(demand, apples.skuId())).isZero();
		assertThat(stock.stock(north.gridWarehouseId(), apples.skuId()).onHand()).isZero();
		assertThat(stock.stock(north.gridWarehouseId(), eggs.skuId()).onHand()).isZero();
		assertThat(kinds(north, apples)).containsExactly("TRANSFER_IN:3:AP-SOON", "TRANSFER_IN:1:AP-LATE",
				"SALE:-3:AP-SOON", "SALE:-1:AP-LATE");
		assertThat(gap(runId, north, apples)).isEqualTo(new long[] { 5, 4, 4 });
		assertThat(gap(runId, north, eggs)).isEqualTo(new long[] { 1, 1, 1 });
		assertThat(soon.expiresOn()).isBefore(TestClock.today().plusDays(7));

		assertThat(operator.post("/api/cutoff-runs/" + runId + "/grid-warehouses/" + south.gridWarehouseId()
				+ "/dispatch", Map.of()).status()).isEqualTo(201);
		await(() -> stock.stock(central.id(), eggs.skuId()).onHand() == 7);
		assertThat(gap(runId, south, eggs)).isEqualTo(new long[] { 2, 2, 2 });
		for (var w : java.util.List.of(central.id(), north.gridWarehouseId(), south.gridWarehouseId())) {
			for (var sku : java.util.List.of(apples.skuId(), eggs.skuId())) {
				long ledger = jdbc.sql("select coalesce(sum(quantity), 0) from inventory.movement where warehouse_id = ? and sku_id = ?")
					.params(w.value(), sku.value()).query(Long.class).single();
				assertThat(ledger).isEqualTo(stock.stock(w, sku).onHand());
			}
		}
	}

	@Test
	void aTruckWaitsForItsGoodsOrLeavesOnAnOverrideAndALaterTruckTakesWhatCameLate() throws Exception {
		var world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		Warehouse central = new InventoryFixtures(context).central(world.region);
		PickupPoint north = world.pickupPoint;
		Listing apples = world.listing("红富士苹果", "19.90", 100, 5);
		var annOrder = day.paidOrder(world.resident(north), apples, 5);
		Api operator = day.operator();
		long runId = day.cutoff(operator).get("id").asLong();
		String demand = "cutoff-run:" + runId;
		String dispatch = "/api/cutoff-runs/" + runId + "/grid-warehouses/" + north.gridWarehouseId() + "/dispatch";

		// nothing received yet (the purchase orders are drafts): the truck may not leave as if it had the goods
		var refused = operator.post(dispatch, Map.of());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().get("code").asText()).isEqualTo("goods-missing");
		assertThat(refused.json().get("missing").get(0).get("skuId").asLong()).isEqualTo(apples.skuId().value());
		assertThat(refused.json().get("missing").get(0).get("skuName").asText()).contains("红富士苹果");
		assertThat(refused.json().get("missing").get(0).get("units").asLong()).isEqualTo(5);
		assertThat(orderStatus(runId, annOrder)).isEqualTo("CONFIRMED");
		var noReason = operator.post(dispatch, Map.of("override", true, "reason", " "));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.errorFields()).containsExactly("reason");

		// 3 of 5 came: still short by 2
		stock.receive(central.id(), apples.skuId(), 3, "AP-1", TestClock.today(), "po-line:y1" + runId, demand);
		assertThat(operator.post(dispatch, Map.of()).json().get("missingUnits").asLong()).isEqualTo(2);
		var overridden = operator.post(dispatch, Map.of("override", true, "reason", "货车按时出发，余下 2 份随第二趟"));
		assertThat(overridden.status()).as(overridden.toString()).isEqualTo(201);
		assertThat(overridden.json().get("missingUnits").asLong()).isEqualTo(2);
		assertThat(overridden.json().get("overrideReason").asText()).isEqualTo("货车按时出发，余下 2 份随第二趟");
		await(() -> gapOrNull(runId, north, apples) != null && gapOrNull(runId, north, apples)[2] == 3);
		assertThat(gap(runId, north, apples)).isEqualTo(new long[] { 5, 3, 3 });
		assertThat(orderStatus(runId, annOrder)).isEqualTo("SHIPPED");

		// the other 2 arrive later, held for the run: the next truck takes them, they do not stay reserved
		stock.receive(central.id(), apples.skuId(), 2, "AP-2", TestClock.today(), "po-line:y2" + runId, demand);
		var second = operator.post(dispatch, Map.of());
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		assertThat(second.json().get("ordersShipped").asInt()).isZero();
		await(() -> gap(runId, north, apples)[2] == 5);
		assertThat(gap(runId, north, apples)).isEqualTo(new long[] { 5, 5, 5 });
		assertThat(stock.stock(central.id(), apples.skuId())).isEqualTo(Stock.of(central.id(), apples.skuId(), 0, 0));
		assertThat(stock.held(demand, apples.skuId())).isZero();
		// nothing left to carry
		assertThat(operator.post(dispatch, Map.of()).status()).isEqualTo(409);

		String audit = com.linli.ordering.WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD)
			.get("/console/audit?action=fulfilment.dispatch").body();
		assertThat(audit).contains("货车按时出发，余下 2 份随第二趟");
	}

	private String orderStatus(long runId, tools.jackson.databind.JsonNode order) {
		return jdbc.sql("select status from ordering.orders where id = ?").param(order.get("id").asLong())
			.query(String.class).single();
	}

	private long[] gapOrNull(long runId, PickupPoint point, Listing listing) {
		return jdbc.sql("select wanted, moved, sold from inventory.dispatch_move where run_id = ? and grid_warehouse_id = ? and sku_id = ?")
			.params(runId, point.gridWarehouseId().value(), listing.skuId().value())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).optional().orElse(null);
	}

	private java.util.List<String> kinds(PickupPoint point, Listing listing) {
		return jdbc.sql("""
				select m.kind || ':' || m.quantity || ':' || b.batch_no from inventory.movement m
				  join inventory.batch b on b.id = m.batch_id
				 where m.warehouse_id = ? and m.sku_id = ? order by m.id""")
			.params(point.gridWarehouseId().value(), listing.skuId().value()).query(String.class).list();
	}

	private long[] gap(long runId, PickupPoint point, Listing listing) {
		return jdbc.sql("select wanted, moved, sold from inventory.dispatch_move where run_id = ? and grid_warehouse_id = ? and sku_id = ?")
			.params(runId, point.gridWarehouseId().value(), listing.skuId().value())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
	}

	private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		Instant until = TestClock.now().plus(Duration.ofSeconds(15));
		while (!condition.getAsBoolean() && TestClock.now().isBefore(until)) {
			Thread.sleep(100);
		}
	}
}
