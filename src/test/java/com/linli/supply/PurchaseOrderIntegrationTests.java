package com.linli.supply;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.Sku;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.inventory.StockManagement;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.NetworkFixtures;
import com.linli.network.WarehouseId;
import com.linli.ordering.OrderingFixtures;
import com.linli.shared.PlatformClock;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Purchase orders through HTTP beyond the happy path: licence alerts and the block they put on sending, input
 * checks, region scope, the state machine under concurrent clicks, receiving once under concurrent tablets,
 * chargebacks and settlement, and the Excel export.
 */
@IntegrationTest
class PurchaseOrderIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	StockManagement stock;

	@Autowired
	Clock clock;

	OrderingFixtures world;

	Api operator;

	SupplyFixtures supply;

	long supplierId;

	long centralId;

	Sku sku;

	Listing listing;

	LocalDate today;

	@BeforeEach
	void aSupplierAndOrders() {
		world = new OrderingFixtures(context, port);
		centralId = new NetworkFixtures(Api.at(port).asAdmin()).warehouse(world.region.id().value(), "CENTRAL");
		operator = new FulfilmentFixtures(world, port).operator();
		supply = new SupplyFixtures(operator, port);
		today = LocalDate.now(clock);
		sku = world.sku("赣南脐橙", "2.5kg/箱");
		listing = world.listing(sku, "29.90", 100, 5);
		supplierId = supply.supplier("赣州橙业", "PREFERRED", today.plusYears(1));
		supply.offer(supplierId, sku, 1800, 1);
	}

	JsonNode draft(int units) {
		var day = new FulfilmentFixtures(world, port);
		day.paidOrder(world.resident(), listing, units);
		var run = day.cutoff(operator);
		var pos = supply.awaitPurchaseOrders(run.get("id").asLong(), 1);
		assertThat(pos).hasSize(1);
		return pos.get(0);
	}

	@Test
	void aLicenceThatRunsOutRaisesAnAlertAndBlocksSendingTheDraft() {
		var po = draft(3);
		var licence = operator.get("/api/suppliers/" + supplierId + "/qualifications").json().get(0);
		var expire = operator.put("/api/suppliers/" + supplierId + "/qualifications/" + licence.get("id").asLong(),
				Map.of("kind", licence.get("kind").asText(), "licenceNo", licence.get("licenceNo").asText(), "validFrom",
						today.minusYears(2).toString(), "validUntil", today.minusDays(1).toString()));
		assertThat(expire.status()).as(expire.toString()).isEqualTo(200);
		assertThat(expire.json().get("expired").asBoolean()).isTrue();
		var alerts = operator.get("/api/supplier-alerts").json();
		assertThat(alerts.findParents("supplierId").stream()
			.filter(a -> a.get("supplierId").asLong() == supplierId).map(a -> a.get("kind").asText()))
			.containsExactly("EXPIRED");

		var send = operator.post("/api/purchase-orders/" + po.get("id").asLong() + "/send", Map.of());
		assertThat(send.status()).isEqualTo(409);
		assertThat(send.text()).contains("qualification-expired");

		// renewed: the alert is resolved and the order goes out
		operator.put("/api/suppliers/" + supplierId + "/qualifications/" + licence.get("id").asLong(),
				Map.of("kind", licence.get("kind").asText(), "licenceNo", licence.get("licenceNo").asText(), "validFrom",
						today.toString(), "validUntil", today.plusYears(3).toString()));
		assertThat(operator.get("/api/supplier-alerts").json().findParents("supplierId").stream()
			.filter(a -> a.get("supplierId").asLong() == supplierId)).isEmpty();
		assertThat(operator.post("/api/purchase-orders/" + po.get("id").asLong() + "/send", Map.of()).status())
			.isEqualTo(200);
	}

	@Test
	void inputsAreChecked() {
		var backwards = operator.post("/api/suppliers/" + supplierId + "/qualifications", Map.of("kind", "营业执照",
				"licenceNo", "X1", "validFrom", today.toString(), "validUntil", today.minusDays(1).toString()));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.errorFields()).contains("validUntil");
		var free = operator.put("/api/suppliers/" + supplierId + "/skus/" + sku.id().value(),
				Map.of("priceFen", 0, "leadTimeDays", 1, "moq", 1));
		assertThat(free.status()).isEqualTo(400);
		var noSuchSku = operator.put("/api/suppliers/" + supplierId + "/skus/999999999",
				Map.of("priceFen", 100, "leadTimeDays", 1, "moq", 1));
		assertThat(noSuchSku.status()).isEqualTo(400);
		var days = operator.put("/api/suppliers/" + supplierId + "/terms", Map.of("tier", "PREFERRED", "paymentPeriod", "DAYS"));
		assertThat(days.status()).isEqualTo(400);
		assertThat(days.errorFields()).contains("paymentDays");
		var po = draft(2);
		long poId = po.get("id").asLong();
		long lineId = po.get("lines").get(0).get("id").asLong();
		assertThat(operator.patch("/api/purchase-orders/" + poId + "/lines/" + lineId, Map.of("ordered", -1)).status())
			.isEqualTo(400);
		var changed = operator.patch("/api/purchase-orders/" + poId + "/lines/" + lineId, Map.of("ordered", 6));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("lines").get(0).get("ordered").asInt()).isEqualTo(6);
		assertThat(changed.json().get("amountFen").asLong()).isEqualTo(6 * 1800);
		// an operator of another region sees nothing of it
		var stranger = MarketingFixtures.operatorOf(Api.at(port), new MarketingFixtures(context).region());
		assertThat(stranger.get("/api/purchase-orders/" + poId).status()).isEqualTo(403);
		assertThat(stranger.post("/api/purchase-orders/" + poId + "/send", Map.of()).status()).isEqualTo(403);
		// a resident is neither staff nor warehouse
		assertThat(world.resident().get("/api/warehouse/purchase-orders/" + poId).status()).isEqualTo(403);
	}

	@Test
	void concurrentSendsSendOnceAndConcurrentReceiptsReceiveOnce() throws Exception {
		var po = draft(4);
		long poId = po.get("id").asLong();
		long lineId = po.get("lines").get(0).get("id").asLong();
		List<Integer> sends = race(8, () -> operator.post("/api/purchase-orders/" + poId + "/send", Map.of()).status());
		assertThat(sends).containsOnly(200, 409);
		assertThat(sends.stream().filter(s -> s == 200)).hasSize(1);

		Api warehouse = Api.at(port).newAccount("WAREHOUSE_STAFF");
		var body = Map.of("lines", List.of(Map.of("lineId", lineId, "accepted", 3, "rejected", 1, "rejectReason",
				"DAMAGE", "batchNo", "RACE-" + poId, "productionDate", today.toString())));
		List<Integer> receipts = race(6,
				() -> warehouse.post("/api/warehouse/purchase-orders/" + poId + "/receipt", body).status());
		assertThat(receipts.stream().filter(s -> s == 200)).hasSize(1);
		assertThat(receipts).containsOnly(200, 409);
		var central = new WarehouseId(centralId);
		assertThat(stock.stock(central, sku.id()).onHand()).isEqualTo(3);
		var after = operator.get("/api/purchase-orders/" + poId).json();
		assertThat(after.get("status").asText()).isEqualTo("DELIVERED");
		assertThat(after.get("shortages")).hasSize(1);
		assertThat(after.get("shortages").get(0).get("refundedFen").asLong()).isEqualTo(2990);
	}

	@Test
	void aStatementIsTheAcceptedGoodsLessChargebacksAndSettlingItSettlesItsOrders() throws IOException {
		var po = draft(5);
		long poId = po.get("id").asLong();
		long lineId = po.get("lines").get(0).get("id").asLong();
		operator.post("/api/purchase-orders/" + poId + "/send", Map.of());
		Api supplierLogin = supply.login(supplierId);
		assertThat(supplierLogin.post("/api/supplier/purchase-orders/" + poId + "/confirm", Map.of()).status())
			.isEqualTo(200);
		Api warehouse = Api.at(port).newAccount("WAREHOUSE_STAFF");
		assertThat(warehouse.post("/api/warehouse/purchase-orders/" + poId + "/receipt", Map.of("lines",
				List.of(Map.of("lineId", lineId, "accepted", 5, "rejected", 0, "batchNo", "ST-" + poId, "productionDate",
						today.toString())))).status()).isEqualTo(200);
		var chargeback = operator.post("/api/suppliers/" + supplierId + "/chargebacks",
				Map.of("amountFen", 1250, "reason", "两箱到货后发现霉变", "purchaseOrderId", poId));
		assertThat(chargeback.status()).as(chargeback.toString()).isEqualTo(201);
		assertThat(operator.post("/api/suppliers/" + supplierId + "/chargebacks", Map.of("amountFen", 0, "reason", "x"))
			.status()).isEqualTo(400);

		var statement = operator.post("/api/suppliers/" + supplierId + "/statements", Map.of()).json();
		assertThat(statement.get("goodsFen").asLong()).isEqualTo(5 * 1800);
		assertThat(statement.get("chargebackFen").asLong()).isEqualTo(1250);
		assertThat(statement.get("totalFen").asLong()).isEqualTo(5 * 1800 - 1250);
		long statementId = statement.get("id").asLong();
		// the period (a week) is not over: no settling yet
		assertThat(operator.post("/api/statements/" + statementId + "/settle", Map.of()).status()).isEqualTo(409);

		var file = supplierLogin.get("/api/supplier/statements/" + statementId + ".xlsx");
		assertThat(file.status()).isEqualTo(200);
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(file.body()))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows.stream().map(r -> r.getCellText(0))).contains(po.get("poNo").asText());
			assertThat(rows.get(rows.size() - 1).getCellText(5)).isEqualTo("77.50");
		}

		var platformClock = (PlatformClock) clock;
		platformClock.travelTo(clock.instant().plus(Duration.ofDays(8)));
		try {
			var settled = operator.post("/api/statements/" + statementId + "/settle", Map.of());
			assertThat(settled.status()).as(settled.toString()).isEqualTo(200);
			assertThat(settled.json().get("status").asText()).isEqualTo("SETTLED");
			assertThat(operator.post("/api/statements/" + statementId + "/settle", Map.of()).status()).isEqualTo(409);
		}
		finally {
			platformClock.reset();
		}
		assertThat(operator.get("/api/purchase-orders/" + poId).json().get("status").asText()).isEqualTo("SETTLED");
		assertThat(supplierLogin.get("/api/supplier/purchase-orders/" + poId).json().get("status").asText())
			.isEqualTo("SETTLED");

		var export = operator.get("/api/purchase-orders.xlsx?supplierId=" + supplierId);
		assertThat(export.status()).isEqualTo(200);
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(export.body()))) {
			assertThat(workbook.getFirstSheet().read().stream().map(r -> r.getCellText(0)))
				.contains(po.get("poNo").asText());
		}
	}

	static <T> List<T> race(int threads, Callable<T> call) throws Exception {
		var pool = Executors.newFixedThreadPool(threads);
		var start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			futures.add(pool.submit(() -> {
				start.await();
				return call.call();
			}));
		}
		start.countDown();
		List<T> results = new ArrayList<>();
		for (var f : futures) {
			results.add(f.get());
		}
		pool.shutdown();
		return results;
	}
}
