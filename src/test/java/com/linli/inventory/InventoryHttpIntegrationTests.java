package com.linli.inventory;

import java.time.LocalDate;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.catalog.Sku;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.Region;
import com.linli.network.Warehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stock pages' API as staff use it: transfers first-expiry-first-out, damage and returns, refusals of
 * over-draws and nonsense, region scoping, and a stocktake whose variances become adjustments; the
 * ledger shown beside the stock always sums to on hand.
 */
@IntegrationTest
class InventoryHttpIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StockManagement stock;

	@Autowired
	ApplicationContext context;

	Region region;

	Warehouse central;

	Warehouse grid;

	Sku apple;

	Api operator;

	@BeforeEach
	void setUp() {
		var fixtures = new InventoryFixtures(context);
		region = fixtures.region();
		central = fixtures.central(region);
		grid = fixtures.grid(region);
		apple = fixtures.sku("苹果");
		operator = MarketingFixtures.operatorOf(Api.at(port), region);
	}

	@Test
	void transferTakesTheBatchExpiringFirstAndTheLedgerSumsToOnHand() {
		LocalDate today = TestClock.today();
		var later = stock.receive(central.id(), apple.id(), 20, "LATE", today, "po-line:l" + System.nanoTime(), null);
		var sooner = stock.receive(central.id(), apple.id(), 10, "SOON", today.minusDays(4), "po-line:s" + System.nanoTime(), null);

		var moved = operator.post("/api/inventory/transfers", Map.of("fromWarehouseId", central.id().value(),
				"toWarehouseId", grid.id().value(), "skuId", apple.id().value(), "quantity", 14));

		assertThat(moved.status()).isEqualTo(201);
		assertThat(moved.json().at("/from/onHand").asLong()).isEqualTo(16);
		assertThat(moved.json().at("/to/onHand").asLong()).isEqualTo(14);
		JsonNode detail = operator.get(path(central) + "/" + apple.id()).json();
		assertThat(detail.get("ledgerSum").asLong()).isEqualTo(detail.get("onHand").asLong()).isEqualTo(16);
		assertThat(remaining(detail, sooner.id())).isZero();
		assertThat(remaining(detail, later.id())).isEqualTo(16);
		JsonNode atGrid = operator.get(path(grid) + "/" + apple.id()).json();
		assertThat(atGrid.get("batches")).hasSize(2);
		assertThat(atGrid.at("/batches/0/batchNo").asText()).isEqualTo("SOON");
		assertThat(atGrid.at("/batches/0/remaining").asLong()).isEqualTo(10);
		assertThat(atGrid.get("ledgerSum").asLong()).isEqualTo(14);
	}

	@Test
	void overDrawsAndNonsenseAreRefusedAndChangeNothing() {
		stock.receive(central.id(), apple.id(), 5, "B1", TestClock.today(), "po-line:o" + System.nanoTime(), null);
		stock.reserve(central.id(), Map.of(apple.id(), 3L), "cutoff-run:o" + System.nanoTime());

		var tooMany = operator.post("/api/inventory/transfers", Map.of("fromWarehouseId", central.id().value(),
				"toWarehouseId", grid.id().value(), "skuId", apple.id().value(), "quantity", 3));
		assertThat(tooMany.status()).isEqualTo(409);
		assertThat(tooMany.json().get("code").asText()).isEqualTo("insufficient-stock");
		var noReason = operator.post("/api/inventory/damages", Map.of("warehouseId", central.id().value(), "skuId",
				apple.id().value(), "quantity", 1));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.errorFields()).contains("reason");
		var zero = operator.post("/api/inventory/transfers", Map.of("fromWarehouseId", central.id().value(),
				"toWarehouseId", grid.id().value(), "skuId", apple.id().value(), "quantity", 0));
		assertThat(zero.status()).isEqualTo(400);
		var tooManyDamaged = operator.post("/api/inventory/damages", Map.of("warehouseId", central.id().value(), "skuId",
				apple.id().value(), "quantity", 6, "reason", "压坏"));
		assertThat(tooManyDamaged.status()).isEqualTo(409);
		assertThat(stock.stock(central.id(), apple.id())).isEqualTo(Stock.of(central.id(), apple.id(), 5, 3));
	}

	@Test
	void damageOfReservedGoodsTakesTheReservationDownAndAReturnBringsUnitsBack() {
		stock.receive(central.id(), apple.id(), 6, "B1", TestClock.today(), "po-line:d" + System.nanoTime(), null);
		String run = "cutoff-run:d" + System.nanoTime();
		stock.reserve(central.id(), Map.of(apple.id(), 5L), run);

		var damaged = operator.post("/api/inventory/damages", Map.of("warehouseId", central.id().value(), "skuId",
				apple.id().value(), "quantity", 3, "reason", "冷链故障, 变质"));
		assertThat(damaged.status()).isEqualTo(201);
		assertThat(damaged.json().get("onHand").asLong()).isEqualTo(3);
		assertThat(damaged.json().get("reserved").asLong()).isEqualTo(3);
		assertThat(stock.held(run, apple.id())).isEqualTo(3);

		var returned = operator.post("/api/inventory/returns", Map.of("warehouseId", central.id().value(), "skuId",
				apple.id().value(), "quantity", 2, "reason", "退回"));
		assertThat(returned.status()).isEqualTo(201);
		assertThat(returned.json().get("onHand").asLong()).isEqualTo(5);
		var tooMuchBack = operator.post("/api/inventory/returns", Map.of("warehouseId", central.id().value(), "skuId",
				apple.id().value(), "quantity", 2));
		assertThat(tooMuchBack.status()).isEqualTo(409);
		JsonNode detail = operator.get(path(central) + "/" + apple.id()).json();
		assertThat(detail.get("ledgerSum").asLong()).isEqualTo(5);
		assertThat(detail.at("/movements/0/kind").asText()).isEqualTo("RETURN");
		assertThat(detail.at("/movements/1/kind").asText()).isEqualTo("DAMAGE");
		assertThat(detail.at("/movements/1/reason").asText()).isEqualTo("冷链故障, 变质");
	}

	@Test
	void staffOfAnotherRegionSeeNothingHere() {
		var fixtures = new InventoryFixtures(context);
		Api stranger = MarketingFixtures.operatorOf(Api.at(port), fixtures.region());
		assertThat(stranger.get(path(central)).status()).isEqualTo(403);
		var move = stranger.post("/api/inventory/transfers", Map.of("fromWarehouseId", central.id().value(),
				"toWarehouseId", grid.id().value(), "skuId", apple.id().value(), "quantity", 1));
		assertThat(move.status()).isEqualTo(403);
		assertThat(Api.at(port).newResident().get(path(central)).status()).isEqualTo(403);
	}

	@Test
	void aStocktakeBooksItsVariancesAsAdjustments() {
		var a = stock.receive(central.id(), apple.id(), 10, "A", TestClock.today().minusDays(1), "po-line:ta" + System.nanoTime(), null);
		var b = stock.receive(central.id(), apple.id(), 7, "B", TestClock.today(), "po-line:tb" + System.nanoTime(), null);

		var opened = operator.post("/api/inventory/stocktakes", Map.of("warehouseId", central.id().value(), "note", "月末盘点"));
		assertThat(opened.status()).isEqualTo(201);
		long id = opened.json().get("id").asLong();
		assertThat(opened.json().get("lines")).hasSize(2);
		assertThat(operator.post("/api/inventory/stocktakes", Map.of("warehouseId", central.id().value())).status())
			.isEqualTo(409);
		assertThat(operator.put("/api/inventory/stocktakes/" + id + "/lines/" + a.id(), Map.of("counted", 8)).status())
			.isEqualTo(200);
		assertThat(operator.put("/api/inventory/stocktakes/" + id + "/lines/" + b.id(), Map.of("counted", -1)).status())
			.isEqualTo(400);
		var counted = operator.put("/api/inventory/stocktakes/" + id + "/lines/" + b.id(), Map.of("counted", 8));
		assertThat(counted.json().at("/lines/1/variance").asLong()).isEqualTo(1);

		var closed = operator.post("/api/inventory/stocktakes/" + id + "/close", Map.of());

		assertThat(closed.status()).isEqualTo(200);
		assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.json().at("/lines/0/adjusted").asLong()).isEqualTo(-2);
		assertThat(closed.json().at("/lines/1/adjusted").asLong()).isEqualTo(1);
		assertThat(stock.stock(central.id(), apple.id()).onHand()).isEqualTo(16);
		JsonNode detail = operator.get(path(central) + "/" + apple.id()).json();
		assertThat(detail.get("ledgerSum").asLong()).isEqualTo(16);
		assertThat(detail.at("/movements/0/kind").asText()).isEqualTo("ADJUSTMENT");
		assertThat(operator.post("/api/inventory/stocktakes/" + id + "/close", Map.of()).status()).isEqualTo(409);
		assertThat(operator.put("/api/inventory/stocktakes/" + id + "/lines/" + a.id(), Map.of("counted", 9)).status())
			.isEqualTo(409);
	}

	private static long remaining(JsonNode detail, StockBatchId batch) {
		for (JsonNode b : detail.get("batches")) {
			if (b.get("id").asLong() == batch.value()) {
				return b.get("remaining").asLong();
			}
		}
		throw new AssertionError("batch " + batch + " not in " + detail);
	}

	private static String path(Warehouse w) {
		return "/api/inventory/warehouses/" + w.id() + "/stock";
	}
}
