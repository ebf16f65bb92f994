package com.linli.browser;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.linli.Api;
import com.linli.catalog.Sku;
import com.linli.identity.Actor;
import com.linli.inventory.StockManagement;
import com.linli.inventory.internal.forecast.Forecasts;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.NetworkFixtures;
import com.linli.network.WarehouseId;
import com.linli.shared.SupplierId;
import com.linli.supply.PurchaseOrderManagement;
import com.linli.supply.SupplierSkuManagement;
import com.linli.supply.SupplyFixtures;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A VMI supplier on its phone sees its apples at the central warehouse with a suggestion, proposes it, and the
 * region's operator approves it in the console into a purchase order.
 */
class VmiBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	Clock clock;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void aVmiSupplierProposesOnItsPhoneAndTheOperatorApprovesInTheConsole() {
		var admin = Api.at(port).asAdmin();
		var fixtures = new MarketingFixtures(beans);
		var region = fixtures.region();
		long central = new NetworkFixtures(admin).warehouse(region.id().value(), "CENTRAL");
		String operatorPhone = Api.newPhone();
		admin.post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName", "运营VMI", "password",
				"secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { region.id().value() }));
		var operator = admin.as(operatorPhone, "secret123");
		Sku apples = fixtures.sku(fixtures.category("水果" + MarketingFixtures.next(), 1),
				"烟台苹果" + MarketingFixtures.next(), "2.5kg/箱");
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		var supply = new SupplyFixtures(operator, port);
		long supplier = supply.supplier("烟台果园", "PREFERRED", today.plusYears(1));
		supply.offer(supplier, apples, 1200, 6);
		var offer = beans.getBean(SupplierSkuManagement.class).skus(new SupplierId(supplier)).get(0);
		beans.getBean(PurchaseOrderManagement.class).placeReplenishment(offer, region.id(), new WarehouseId(central), 12,
				today.plusDays(1), Actor.system("test"));
		assertThat(operator.put("/api/suppliers/" + supplier + "/vmi", Map.of("vmi", true)).status()).isEqualTo(200);
		String supplierPhone = Api.newPhone();
		operator.post("/api/suppliers/" + supplier + "/accounts",
				Map.of("phone", supplierPhone, "displayName", "烟台果园王经理", "password", "supplier123"));
		beans.getBean(StockManagement.class).receive(new WarehouseId(central), apples.id(), 30,
				"VMI-B-" + NetworkFixtures.unique(), today, "vmi-browser:" + NetworkFixtures.unique(), null);
		var forecasts = beans.getBean(Forecasts.class);
		for (int d = 1; d <= 7; d++) {
			forecasts.save(region.id(), apples.id(), today.plusDays(d), today, 10, 10, 10, 12, 13, "test", clock.instant());
		}

		// the supplier, on its phone
		signIn(supplierPhone, "supplier123");
		page.navigate(url("/supplier"));
		page.click("a[href='/supplier/vmi']");
		var card = page.locator(".vmi-line").filter(new com.microsoft.playwright.Locator.FilterOptions()
			.setHasText(apples.productName()));
		assertThat(card.locator(".vmi-on-hand")).hasText("30");
		assertThat(card.locator(".vmi-on-order")).hasText("12");
		assertThat(card.locator(".vmi-suggested")).hasText("36");
		assertThat(card.locator("input[name=units]")).hasValue("36");
		Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
		assertThat(fits).as("the page fits the phone's width").isEqualTo(true);
		card.locator("input[name=note]").fill("周末备货");
		card.locator("button[type=submit]").click();
		page.waitForLoadState();
		assertThat(page.locator(".alert.ok")).hasText("补货建议已提交, 等待运营审批");
		assertThat(page.locator(".vmi-proposals")).containsText("待审批");

		// the operator, at a desk
		var desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 850).setLocale("zh-CN"));
		try {
			Page console = desk.newPage();
			console.navigate(url("/login"));
			console.fill("#phone", operatorPhone);
			console.fill("#password", "secret123");
			console.click("button[type=submit]");
			console.waitForLoadState();
			console.navigate(url("/console/vmi"));
			var row = console.locator("tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
				.setHasText(apples.productName()));
			assertThat(row).containsText("周末备货");
			row.locator("button.vmi-approve").click();
			console.waitForLoadState();
			assertThat(console.locator(".alert.ok")).containsText("已批准");
			assertThat(row).containsText("已批准");
			console.locator(".alert.ok a").click();
			console.waitForLoadState();
			assertThat(console.locator("body")).containsText(apples.productName());
		}
		finally {
			desk.close();
		}

		// back on the phone: approved, with its order
		page.reload();
		assertThat(page.locator(".vmi-proposals")).containsText("已批准");
		assertThat(card.locator(".vmi-on-order")).hasText("48");
	}
}
