package com.linli.browser;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.linli.Api;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.network.NetworkFixtures;
import com.linli.ordering.OrderingFixtures;
import com.linli.supply.SupplyFixtures;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purchase order's journey through three screens: the operator sends it from the console, the supplier
 * confirms it (one line short) in the portal and announces the delivery, warehouse staff receive it on the
 * tablet with part of a line rejected. Screenshots of every supply page land in target/screenshots.
 */
class SupplyBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

	void shot(Page p, String name) {
		p.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/SupplyBrowserTests-" + name + ".png"))
			.setFullPage(true));
	}

	@Test
	void anOperatorSendsAPurchaseOrderTheSupplierConfirmsItAndWarehouseStaffReceiveIt() {
		var world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		var admin = Api.at(port).asAdmin();
		new NetworkFixtures(admin).warehouse(world.region.id().value(), "CENTRAL");
		var apples = world.sku("烟台红富士", "500g/份");
		var eggs = world.sku("散养土鸡蛋", "30枚/盒");
		var appleListing = world.listing(apples, "19.90", 100, 5);
		var eggListing = world.listing(eggs, "22.80", 100, 5);
		String operatorPhone = Api.newPhone();
		var created = admin.post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName", "运营小林",
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds",
				new long[] { world.region.id().value() }));
		assertThat(created.status()).isEqualTo(201);
		Api operator = Api.at(port).as(operatorPhone, "secret123");
		var supply = new SupplyFixtures(operator, port);
		LocalDate today = LocalDate.now(clock);
		long supplier = supply.supplier("青岛鲜果供应链", "STRATEGIC", today.plusYears(1));
		long old = supply.supplier("即墨老字号果行", "PREFERRED", today.plusDays(10)); // expiring soon: an alert
		supply.offer(supplier, apples, 1180, 5);
		supply.offer(supplier, eggs, 1560, 1);
		supply.offer(old, apples, 1250, 1);
		String supplierPhone = Api.newPhone();
		assertThat(operator.post("/api/suppliers/" + supplier + "/accounts", Map.of("phone", supplierPhone,
				"displayName", "王经理", "password", "supplier123")).status()).isEqualTo(201);
		String staffPhone = Api.newPhone();
		assertThat(admin.post("/api/admin/accounts", Map.of("phone", staffPhone, "displayName", "仓管老陈", "password",
				"secret123", "roles", new String[] { "WAREHOUSE_STAFF" })).status()).isEqualTo(201);

		day.paidOrder(world.resident(), appleListing, 3, eggListing, 2);
		day.paidOrder(world.resident(), appleListing, 2);
		JsonNode run = day.cutoff(operator);
		List<JsonNode> pos = supply.awaitPurchaseOrders(run.get("id").asLong(), 1);
		assertThat(pos).hasSize(1);
		long poId = pos.get(0).get("id").asLong();
		String poNo = pos.get(0).get("poNo").asText();
		long eggLine = SupplyFixtures.line(pos.get(0), eggs).get("id").asLong();
		long appleLine = SupplyFixtures.line(pos.get(0), apples).get("id").asLong();

		// the operator reviews the draft and sends it
		signIn(operatorPhone, "secret123");
		page.navigate(url("/console/purchase-orders"));
		assertThat(page.locator("table.list")).containsText(poNo);
		assertThat(page.locator(".alert.error")).containsText("即墨老字号果行");
		shot(page, "1-purchase-orders");
		page.click("text=" + poNo);
		assertThat(page.locator("h1")).containsText("草稿");
		shot(page, "2-purchase-order-draft");
		page.click("#send");
		assertThat(page.locator(".alert.ok")).containsText("已发送给供应商");
		assertThat(page.locator("h1")).containsText("已发送");
		shot(page, "3-purchase-order-sent");

		// the supplier confirms one egg short and announces the delivery
		var supplierContext = browser.newContext(contextOptions());
		Page portal = supplierContext.newPage();
		portal.navigate(url("/login"));
		portal.fill("#phone", supplierPhone);
		portal.fill("#password", "supplier123");
		portal.click("button[type=submit]");
		portal.waitForLoadState();
		portal.navigate(url("/supplier"));
		assertThat(portal.locator("table.list").first()).containsText(poNo);
		shot(portal, "4-portal");
		portal.click("text=" + poNo);
		portal.fill("#qty-" + eggLine, "1");
		shot(portal, "5-portal-order-before-confirm");
		portal.click("#confirm");
		assertThat(portal.locator(".alert.ok")).containsText("已确认采购单");
		assertThat(portal.locator("h1")).containsText("已确认");
		portal.click("#announce");
		assertThat(portal.locator(".alert.ok")).containsText("已提交送货时间");
		shot(portal, "6-portal-order-confirmed");
		supplierContext.close();

		// warehouse staff receive it on a tablet: 4 apples accepted, 1 rejected for damage; the one egg
		var tablet = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1024, 1366)
			.setHasTouch(true).setLocale("zh-CN"));
		Page warehouse = tablet.newPage();
		warehouse.navigate(url("/login"));
		warehouse.fill("#phone", staffPhone);
		warehouse.fill("#password", "secret123");
		warehouse.click("button[type=submit]");
		// staff land on their receiving list, with the warehouse's other screens (stock, stocktakes) a tap away
		assertThat(warehouse).hasURL(java.util.regex.Pattern.compile(".*/warehouse/receiving$"));
		assertThat(warehouse.locator(".portal-nav a")).hasText(new String[] { "中心仓收货", "库存", "盘点" });
		assertThat(warehouse.locator(".rcv-list")).containsText(poNo);
		shot(warehouse, "7-receiving-list");
		warehouse.click("text=" + poNo);
		warehouse.fill("#accepted-" + appleLine, "4");
		warehouse.fill("#rejected-" + appleLine, "1");
		warehouse.selectOption("#reason-" + appleLine, "DAMAGE");
		warehouse.fill("#batch-" + appleLine, "YT-20261123-A");
		// the batch number and production date are marked as required where units are accepted
		assertThat(warehouse.locator("label[for=batch-" + eggLine + "]")).hasClass(Pattern.compile(".*\\brequired\\b.*"));
		assertThat(warehouse.locator("label[for=produced-" + eggLine + "]")).hasClass(Pattern.compile(".*\\brequired\\b.*"));
		assertThat(warehouse.locator("#batch-" + eggLine)).hasAttribute("aria-required", "true");
		// the egg's batch forgotten: the error names that field, and nothing typed is lost
		warehouse.click("#receive");
		assertThat(warehouse.locator("#line-" + eggLine + " .field-error")).containsText("批次号");
		assertThat(warehouse.locator("#batch-" + eggLine)).hasAttribute("aria-invalid", "true");
		assertThat(warehouse.locator("#accepted-" + appleLine)).hasValue("4");
		assertThat(warehouse.locator("#rejected-" + appleLine)).hasValue("1");
		assertThat(warehouse.locator("#reason-" + appleLine)).hasValue("DAMAGE");
		assertThat(warehouse.locator("#batch-" + appleLine)).hasValue("YT-20261123-A");
		shot(warehouse, "8-receiving-form-error");
		warehouse.fill("#batch-" + eggLine, "EGG-20261123");
		shot(warehouse, "8-receiving-form");
		warehouse.click("#receive");
		assertThat(warehouse.locator(".alert.ok")).containsText("已收货入库");
		assertThat(warehouse.locator("h1")).containsText("已收货");
		assertThat(warehouse.locator("#line-" + appleLine)).containsText("实收 4，拒收 1");
		shot(warehouse, "9-received");
		tablet.close();

		var after = operator.get("/api/purchase-orders/" + poId).json();
		assertThat(after.get("status").asText()).isEqualTo("DELIVERED");
		assertThat(SupplyFixtures.line(after, apples).get("rejectReason").asText()).isEqualTo("DAMAGE");

		// the console's other supply pages
		page.navigate(url("/console/purchase-orders/" + poId));
		assertThat(page.locator("h1")).containsText("已收货");
		shot(page, "10-purchase-order-delivered");
		page.navigate(url("/console/suppliers/" + supplier + "/supply"));
		assertThat(page.locator("h1")).containsText("青岛鲜果供应链");
		shot(page, "11-supplier-supply");
		page.navigate(url("/console/supplier-alerts"));
		assertThat(page.locator("table.list")).containsText("即墨老字号果行");
		shot(page, "12-alerts");
		page.navigate(url("/console/supplier-scores?period=WEEK"));
		assertThat(page.locator("table.list")).containsText("青岛鲜果供应链");
		shot(page, "13-scores");
		page.navigate(url("/console/supplier-scores/" + supplier));
		page.waitForFunction("() => document.querySelector('#trend canvas') !== null");
		shot(page, "14-trend");
		page.navigate(url("/console/statements?supplierId=" + supplier));
		page.click(".toolbar button[type=submit]");
		assertThat(page).hasURL(Pattern.compile(".*/console/statements/\\d+$"));
		assertThat(page.locator(".po-facts")).containsText("待结算");
		shot(page, "15-statement");
	}
}
