package com.linli.supply;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.Sku;
import com.linli.identity.Actor;
import com.linli.inventory.StockManagement;
import com.linli.inventory.internal.forecast.Forecasts;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.network.NetworkFixtures;
import com.linli.ordering.WebSession;
import com.linli.shared.SupplierId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supplier-managed inventory through HTTP: a VMI supplier sees stock, forecast and on-order of its own SKUs at the
 * central warehouse, proposes, an operator of the region approves into one purchase order (never two), and the
 * others are refused.
 */
@IntegrationTest
class VmiIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

	@Autowired
	StockManagement stock;

	@Autowired
	Forecasts forecasts;

	@Autowired
	PurchaseOrderManagement purchaseOrders;

	@Autowired
	SupplierSkuManagement supplierSkus;

	@Autowired
	JdbcClient jdbc;

	Api admin;

	Api operator;

	Region region;

	long central;

	Sku apples;

	Sku pears;

	long vmiSupplier;

	long otherSupplier;

	String vmiPhone;

	Api vmiLogin;

	Api otherLogin;

	LocalDate today;

	@BeforeEach
	void aRegionWithACentralWarehouseAVmiSupplierOfApplesAndAnotherOfPears() {
		admin = Api.at(port).asAdmin();
		var fixtures = new MarketingFixtures(context);
		region = fixtures.region();
		central = new NetworkFixtures(admin).warehouse(region.id().value(), "CENTRAL");
		operator = new NetworkFixtures(admin).operatorOf(region.id().value());
		var category = fixtures.category("水果" + MarketingFixtures.next(), 1);
		apples = fixtures.sku(category, "VMI苹果" + MarketingFixtures.next(), "2.5kg/箱");
		pears = fixtures.sku(category, "VMI雪梨" + MarketingFixtures.next(), "2.5kg/箱");
		today = LocalDate.now(clock.withZone(ZONE));
		var supply = new SupplyFixtures(operator, port);
		vmiSupplier = supply.supplier("烟台果园", "PREFERRED", today.plusYears(1));
		supply.offer(vmiSupplier, apples, 1200, 6);
		otherSupplier = supply.supplier("莱阳梨园", "PREFERRED", today.plusYears(1));
		supply.offer(otherSupplier, pears, 900, 1);
		// each supplies the region: an earlier order of 12 apples and of 5 pears is on its way
		order(vmiSupplier, apples, 12);
		order(otherSupplier, pears, 5);
		var marked = operator.put("/api/suppliers/" + vmiSupplier + "/vmi", Map.of("vmi", true));
		assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
		assertThat(marked.json().get("vmi").asBoolean()).isTrue();
		vmiPhone = Api.newPhone();
		var opened = operator.post("/api/suppliers/" + vmiSupplier + "/accounts",
				Map.of("phone", vmiPhone, "displayName", "烟台果园王经理", "password", "supplier123"));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		vmiLogin = Api.at(port).as(vmiPhone, "supplier123");
		otherLogin = supply.login(otherSupplier);
		// 30 apples and 40 pears in the central warehouse
		stock.receive(new WarehouseId(central), apples.id(), 30, "VMI-A-" + NetworkFixtures.unique(), today,
				"vmi-test:" + NetworkFixtures.unique(), null);
		stock.receive(new WarehouseId(central), pears.id(), 40, "VMI-P-" + NetworkFixtures.unique(), today,
				"vmi-test:" + NetworkFixtures.unique(), null);
		// the next 7 days: apples 10 a day (p80 12, p95 13), pears 4 a day
		for (int d = 1; d <= 7; d++) {
			forecasts.save(region.id(), apples.id(), today.plusDays(d), today, 10, 10, 10, 12, 13, "test",
					clock.instant());
			forecasts.save(region.id(), pears.id(), today.plusDays(d), today, 4, 4, 4, 5, 6, "test", clock.instant());
		}
	}

	private void order(long supplier, Sku sku, int units) {
		var offer = supplierSkus.skus(new SupplierId(supplier)).stream().filter(o -> o.skuId().equals(sku.id()))
			.findFirst().orElseThrow();
		purchaseOrders.placeReplenishment(offer, region.id(), new WarehouseId(central), units, today.plusDays(1),
				Actor.system("test"));
	}

	private JsonNode line(Api supplier, Sku sku) {
		var answer = supplier.get("/api/supplier/vmi/stock");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		for (JsonNode l : answer.json()) {
			if (l.get("skuId").asLong() == sku.id().value() && l.get("warehouseId").asLong() == central) {
				return l;
			}
		}
		return null;
	}

	private Api.Response propose(Api supplier, Sku sku, int units, LocalDate date) {
		return supplier.post("/api/supplier/vmi-proposals", Map.of("skuId", sku.id().value(), "warehouseId", central,
				"units", units, "deliveryDate", date.toString(), "note", "周末促销备货"));
	}

	@Test
	void aVmiSupplierSeesStockForecastAndOnOrderOfItsOwnSkusOnly() {
		var answer = vmiLogin.get("/api/supplier/vmi/stock");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		List<Long> skus = new ArrayList<>();
		answer.json().forEach(l -> skus.add(l.get("skuId").asLong()));
		assertThat(skus).containsOnly(apples.id().value());

		var apple = line(vmiLogin, apples);
		assertThat(apple.get("onHand").asLong()).isEqualTo(30);
		assertThat(apple.get("available").asLong()).isEqualTo(30);
		assertThat(apple.get("onOrder").asLong()).isEqualTo(12);
		assertThat(apple.get("forecast")).hasSize(7);
		assertThat(apple.get("forecast").get(0).get("p95").asDouble()).isEqualTo(13.0);
		assertThat(apple.get("forecastMean").asDouble()).isEqualTo(70.0);
		// cover ⌈70 + √(7 × 3²)⌉ = ⌈77.94⌉ = 78; 78 − 30 available − 12 on order = 36, six packs of 6
		assertThat(apple.get("cover").asLong()).isEqualTo(78);
		assertThat(apple.get("suggested").asLong()).isEqualTo(36);
	}

	@Test
	void aSupplierThatIsNotVmiIsRefused() {
		assertThat(otherLogin.get("/api/supplier/vmi/stock").status()).isEqualTo(403);
		assertThat(otherLogin.get("/api/supplier/vmi-proposals").status()).isEqualTo(403);
		assertThat(propose(otherLogin, pears, 10, today.plusDays(1)).status()).isEqualTo(403);
		// and an operator is no supplier
		assertThat(operator.get("/api/supplier/vmi/stock").status()).isEqualTo(403);
	}

	@Test
	void aProposalIsOwnSkuWholePacksNotInThePastAndOneOpenPerSkuAndWarehouse() {
		var notMine = propose(vmiLogin, pears, 10, today.plusDays(1));
		assertThat(notMine.status()).as(notMine.toString()).isEqualTo(400);
		assertThat(notMine.errorFields()).contains("skuId");
		var past = propose(vmiLogin, apples, 12, today.minusDays(1));
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.errorFields()).contains("deliveryDate");
		var notAPack = propose(vmiLogin, apples, 13, today.plusDays(1));
		assertThat(notAPack.status()).isEqualTo(400);
		assertThat(notAPack.errorFields()).contains("units");
		var tooMany = propose(vmiLogin, apples, 100_002, today.plusDays(1));
		assertThat(tooMany.status()).isEqualTo(400);

		var first = propose(vmiLogin, apples, 36, today.plusDays(2));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().get("status").asText()).isEqualTo("PROPOSED");
		var second = propose(vmiLogin, apples, 12, today.plusDays(3));
		assertThat(second.status()).as(second.toString()).isEqualTo(409);
		assertThat(line(vmiLogin, apples).get("openProposalId").asLong()).isEqualTo(first.id());

		// withdrawn, the SKU is free again; a withdrawn proposal cannot be withdrawn twice
		var withdrawn = vmiLogin.post("/api/supplier/vmi-proposals/" + first.id() + "/withdraw", Map.of());
		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
		assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
		assertThat(vmiLogin.post("/api/supplier/vmi-proposals/" + first.id() + "/withdraw", Map.of()).status())
			.isEqualTo(409);
		assertThat(propose(vmiLogin, apples, 12, today.plusDays(3)).status()).isEqualTo(201);
	}

	@Test
	void theOperatorApprovesIntoOnePurchaseOrderAndOnOrderRises() {
		var proposed = propose(vmiLogin, apples, 36, today.plusDays(2));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long id = proposed.id();

		// an operator of another region sees nothing of it and may not decide it
		var stranger = new NetworkFixtures(admin).operatorOf(new NetworkFixtures(admin).region());
		assertThat(stranger.get("/api/vmi-proposals/" + id).status()).isEqualTo(403);
		assertThat(stranger.post("/api/vmi-proposals/" + id + "/approve", Map.of()).status()).isEqualTo(403);
		assertThat(stranger.post("/api/vmi-proposals/" + id + "/reject", Map.of("reason", "不要")).status())
			.isEqualTo(403);
		List<Long> seen = new ArrayList<>();
		stranger.get("/api/vmi-proposals").json().forEach(p -> seen.add(p.get("id").asLong()));
		assertThat(seen).doesNotContain(id);
		assertThat(stranger.get("/api/vmi-proposals?regionId=" + region.id().value()).status()).isEqualTo(403);
		// nor may the supplier approve its own
		assertThat(vmiLogin.post("/api/vmi-proposals/" + id + "/approve", Map.of()).status()).isEqualTo(403);

		List<Long> listed = new ArrayList<>();
		operator.get("/api/vmi-proposals?status=PROPOSED").json().forEach(p -> listed.add(p.get("id").asLong()));
		assertThat(listed).contains(id);

		var approved = operator.post("/api/vmi-proposals/" + id + "/approve", Map.of());
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
		long poId = approved.json().get("purchaseOrderId").asLong();
		var po = operator.get("/api/purchase-orders/" + poId).json();
		assertThat(po.get("status").asText()).isEqualTo("SENT");
		assertThat(po.get("supplierId").asLong()).isEqualTo(vmiSupplier);
		assertThat(po.get("warehouseId").asLong()).isEqualTo(central);
		assertThat(po.get("pickupDate").asText()).isEqualTo(today.plusDays(2).toString());
		assertThat(po.hasNonNull("cutoffRunId")).isFalse();
		assertThat(po.get("lines")).hasSize(1);
		assertThat(po.get("lines").get(0).get("skuId").asLong()).isEqualTo(apples.id().value());
		assertThat(po.get("lines").get(0).get("ordered").asInt()).isEqualTo(36);
		assertThat(po.get("lines").get(0).get("priceFen").asLong()).isEqualTo(1200);
		// the supplier sees the order in its portal, and the apples on order rose by 36
		assertThat(vmiLogin.get("/api/supplier/purchase-orders/" + poId).status()).isEqualTo(200);
		var apple = line(vmiLogin, apples);
		assertThat(apple.get("onOrder").asLong()).isEqualTo(12 + 36);
		assertThat(apple.get("suggested").asLong()).isZero();

		// approving twice makes no second order
		long orders = ordersOf(vmiSupplier);
		var again = operator.post("/api/vmi-proposals/" + id + "/approve", Map.of());
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(operator.post("/api/vmi-proposals/" + id + "/reject", Map.of("reason", "晚了")).status())
			.isEqualTo(409);
		assertThat(ordersOf(vmiSupplier)).isEqualTo(orders);
		assertThat(line(vmiLogin, apples).get("onOrder").asLong()).isEqualTo(48);
	}

	@Test
	void twoOperatorsApprovingAtOnceMakeOneOrder() throws Exception {
		long id = propose(vmiLogin, apples, 18, today.plusDays(1)).id();
		var second = new NetworkFixtures(admin).operatorOf(region.id().value());
		long before = ordersOf(vmiSupplier);
		var pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> both = List.of(
					() -> operator.post("/api/vmi-proposals/" + id + "/approve", Map.of()).status(),
					() -> second.post("/api/vmi-proposals/" + id + "/approve", Map.of()).status());
			List<Integer> statuses = new ArrayList<>();
			for (var f : pool.invokeAll(both)) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(ordersOf(vmiSupplier)).isEqualTo(before + 1);
	}

	@Test
	void aRejectionCarriesItsReasonToTheSupplier() {
		long id = propose(vmiLogin, apples, 6, today.plusDays(1)).id();
		var noReason = operator.post("/api/vmi-proposals/" + id + "/reject", Map.of("reason", " "));
		assertThat(noReason.status()).isEqualTo(400);
		var rejected = operator.post("/api/vmi-proposals/" + id + "/reject", Map.of("reason", "库存充足, 下周再补"));
		assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
		Map<Long, JsonNode> mine = new HashMap<>();
		vmiLogin.get("/api/supplier/vmi-proposals").json().forEach(p -> mine.put(p.get("id").asLong(), p));
		assertThat(mine.get(id).get("status").asText()).isEqualTo("REJECTED");
		assertThat(mine.get(id).get("rejectReason").asText()).isEqualTo("库存充足, 下周再补");
		assertThat(operator.post("/api/vmi-proposals/" + id + "/approve", Map.of()).status()).isEqualTo(409);
	}

	@Test
	void thePortalPageShowsTheSkuAndProposesAndTheConsoleApproves() {
		var portal = WebSession.signIn(port, vmiPhone, "supplier123");
		var page = portal.get("/supplier/vmi");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(apples.productName()).doesNotContain(pears.productName());
		var home = portal.get("/supplier");
		assertThat(home.body()).contains("/supplier/vmi");
		var done = portal.post("/supplier/vmi/proposals", "skuId=" + apples.id().value() + "&warehouseId=" + central
				+ "&units=36&deliveryDate=" + today.plusDays(2) + "&note=", page);
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.uri().getPath()).isEqualTo("/supplier/vmi");
		long id = jdbc.sql("select id from supply.vmi_proposal where supplier_id = ? and status = 'PROPOSED'")
			.param(vmiSupplier).query(Long.class).single();

		var otherPhone = Api.newPhone();
		operator.post("/api/suppliers/" + otherSupplier + "/accounts",
				Map.of("phone", otherPhone, "displayName", "莱阳梨园", "password", "supplier123"));
		assertThat(WebSession.signIn(port, otherPhone, "supplier123").get("/supplier/vmi").status()).isEqualTo(403);

		String operatorPhone = Api.newPhone();
		admin.post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName", "运营VMI", "password",
				"secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { region.id().value() }));
		var console = WebSession.signIn(port, operatorPhone, "secret123");
		var list = console.get("/console/vmi");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("data-proposal=\"" + id + "\"").contains("/console/vmi");
		var approved = console.post("/console/vmi/" + id + "/approve", "x=1", list);
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.body()).contains("/console/purchase-orders/");
		assertThat(jdbc.sql("select status from supply.vmi_proposal where id = ?").param(id).query(String.class).single())
			.isEqualTo("APPROVED");

		// the VMI switch on the supplier's page
		var form = console.get("/console/suppliers/" + otherSupplier);
		assertThat(form.body()).contains("/console/suppliers/" + otherSupplier + "/vmi");
		var switched = console.post("/console/suppliers/" + otherSupplier + "/vmi", "vmi=true", form);
		assertThat(switched.status()).isEqualTo(200);
		assertThat(operator.get("/api/suppliers/" + otherSupplier).json().get("vmi").asBoolean()).isTrue();
		assertThat(WebSession.signIn(port, otherPhone, "supplier123").get("/supplier/vmi").status()).isEqualTo(200);
	}

	@Test
	void theDemoHookMarksTheDemoSupplierVmiAndProposesOnce() {
		// the pear supplier signs in with the demo's supplier login (prefix + 04)
		// a prefix of its own: test phones run 139 + a sequence, so 139…04 may belong to a neighbour
		String prefix = "197" + Api.newPhone().substring(5);
		var opened = operator.post("/api/suppliers/" + otherSupplier + "/accounts",
				Map.of("phone", prefix + "04", "displayName", "莱阳梨园", "password", "linli123"));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		var demo = context.getBean(com.linli.demo.internal.VmiDemo.class);
		var settings = new com.linli.demo.DemoSettings(1L, 1, 1, 1, "", prefix);
		var proposal = demo.seed(settings);
		assertThat(proposal).isPresent();
		assertThat(proposal.get().skuId()).isEqualTo(pears.id());
		assertThat(proposal.get().warehouseId().value()).isEqualTo(central);
		// pears: cover ⌈28 + √(7 × 2²)⌉ = 34 < 40 available + 5 on order: nothing suggested, one pack proposed
		assertThat(proposal.get().units()).isEqualTo(1);
		assertThat(otherLogin.get("/api/supplier/vmi/stock").status()).isEqualTo(200);
		assertThat(demo.seed(settings)).isEmpty();
	}

	private long ordersOf(long supplier) {
		return jdbc.sql("select count(*) from supply.purchase_order where supplier_id = ?").param(supplier)
			.query(Long.class).single();
	}
}
