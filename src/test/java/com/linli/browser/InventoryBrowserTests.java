package com.linli.browser;

import java.nio.file.Path;
import java.util.Map;

import com.linli.Api;
import com.linli.TestClock;
import com.linli.catalog.Sku;
import com.linli.identity.Actor;
import com.linli.inventory.InventoryFixtures;
import com.linli.inventory.MovementManagement;
import com.linli.inventory.StockManagement;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.NewListing;
import com.linli.network.Region;
import com.linli.network.Warehouse;
import com.linli.shared.Money;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator looks at a warehouse's stock (badges for near expiry) and a SKU's batches and ledger; warehouse
 * staff count a warehouse on a tablet: open a count, type the counted units, close it and read the variance.
 */
class InventoryBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	StockManagement stock;

	@Autowired
	MovementManagement movements;

	@Autowired
	ListingManagement listings;

	@Test
	void anOperatorSeesStockWithBadgesAndASkusBatchesAndLedger() {
		// the day's afternoon, whatever the hour of the run: after 23:00 tomorrow's cutoff has passed, and milk
		// two days from its expiry could no longer be sold for a pickup day it is still good on
		var platform = (com.linli.shared.PlatformClock) beans.getBean(java.time.Clock.class);
		platform.travelTo(TestClock.today().atTime(15, 0).atZone(TestClock.ZONE).toInstant());
		try {
			stockBadgesBatchesAndLedger();
		}
		finally {
			platform.reset();
		}
	}

	private void stockBadgesBatchesAndLedger() {
		var fixtures = new InventoryFixtures(beans);
		Region region = fixtures.region();
		Warehouse central = fixtures.central(region);
		Warehouse grid = fixtures.grid(region);
		Sku milk = fixtures.sku("鲜牛奶");
		Sku apple = fixtures.sku("红富士苹果");
		stock.receive(central.id(), milk.id(), 24, "M-1120", TestClock.today().minusDays(5), "po-line:bm" + System.nanoTime(), null);
		stock.receive(central.id(), apple.id(), 60, "A-1122", TestClock.today(), "po-line:ba" + System.nanoTime(), null);
		stock.receive(central.id(), apple.id(), 30, "A-1120", TestClock.today().minusDays(2), "po-line:bb" + System.nanoTime(), null);
		movements.transfer(central.id(), grid.id(), apple.id(), 35, null, Actor.system("test"));
		listings.publish(Actor.system("test"), new NewListing(region.id(), milk.id(), Money.ofYuan("12.80"), null, 40, 5, null, null,
				TestClock.today().plusDays(4)));
		String phone = staff(region, "OPERATOR");
		Api.at(port).as(phone, "secret123").post("/api/inventory/alerts/recompute", Map.of());

		signIn(phone, "secret123");
		page.navigate(url("/console/inventory?warehouseId=" + central.id()));
		assertThat(page.locator("h1")).hasText("库存");
		var milkRow = page.locator("table.stock tr", new Page.LocatorOptions().setHasText("鲜牛奶"));
		assertThat(milkRow.locator(".badge")).hasText("临期");
		var appleRow = page.locator("table.stock tr", new Page.LocatorOptions().setHasText("红富士苹果"));
		assertThat(appleRow.locator("td").nth(1)).hasText("55");
		shot("inventory-stock");

		appleRow.locator("a").click();
		assertThat(page.locator("table.batches tbody tr")).hasCount(2);
		// first expiry first out: the older batch went to the grid warehouse first
		assertThat(page.locator("table.batches tbody tr").first()).containsText("A-1122");
		assertThat(page.locator("table.ledger tbody tr").first()).containsText("调拨出库");
		assertThat(page.locator(".stat").nth(3)).containsText("55");
		shot("inventory-stock-detail");

		// write off two crushed apples through the movement form
		page.click("text=报损");
		page.fill("#quantity", "2");
		page.fill("#reason", "运输压坏");
		shot("inventory-movements");
		page.click("form.movement-form button[type=submit]");
		assertThat(page.locator(".alert.ok")).isVisible();
		assertThat(page.locator("table.ledger tbody tr").first()).containsText("运输压坏");
		assertThat(page.locator(".stat").first()).containsText("53");
		assertThat(page.locator(".stat").nth(3)).containsText("53");

		page.navigate(url("/console/inventory/alerts"));
		var milkAlert = page.locator("table.alerts tr", new Page.LocatorOptions().setHasText("鲜牛奶"));
		assertThat(milkAlert).containsText("降价 30%：¥8.96（原价 ¥12.80），限量 24 件");
		shot("inventory-alerts");
		milkAlert.locator("button").click();
		assertThat(page.locator(".alert.ok")).containsText("已上架团购商品");
		assertThat(page.locator("table.alerts tr", new Page.LocatorOptions().setHasText("鲜牛奶")).locator(".badge.green"))
			.isVisible();
	}

	@Test
	void warehouseStaffCountAWarehouseOnATabletAndReadTheVariance() {
		var fixtures = new InventoryFixtures(beans);
		Region region = fixtures.region();
		Warehouse central = fixtures.central(region);
		Sku eggs = fixtures.sku("土鸡蛋");
		Sku rice = fixtures.sku("东北大米");
		stock.receive(central.id(), eggs.id(), 40, "E-1", TestClock.today(), "po-line:be" + System.nanoTime(), null);
		stock.receive(central.id(), rice.id(), 12, "R-1", TestClock.today(), "po-line:br" + System.nanoTime(), null);
		page.setViewportSize(1024, 768);

		signIn(staff(region, "WAREHOUSE_STAFF"), "secret123");
		page.navigate(url("/warehouse/inventory/stocktakes?warehouseId=" + central.id()));
		shot("inventory-stocktakes");
		page.fill("#note", "周盘点");
		page.click("form.card button[type=submit]");
		assertThat(page.locator(".count-sheet tbody tr")).hasCount(2);
		page.locator(".count-sheet tr", new Page.LocatorOptions().setHasText("土鸡蛋")).locator("input").fill("38");
		page.locator(".count-sheet tr", new Page.LocatorOptions().setHasText("东北大米")).locator("input").fill("12");
		page.click("button[value=save]");
		assertThat(page.locator(".alert.ok")).isVisible();
		assertThat(page.locator(".count-sheet tr", new Page.LocatorOptions().setHasText("土鸡蛋")).locator("td").nth(5))
			.hasText("-2");
		shot("inventory-stocktake");

		page.onDialog(dialog -> dialog.accept());
		page.click("button[value=close]");
		assertThat(page.locator("h1 .badge")).hasText("已结束");
		assertThat(page.locator(".count-sheet tr", new Page.LocatorOptions().setHasText("土鸡蛋")).locator("td").nth(6))
			.hasText("-2 件");
		assertThat(stock.stock(central.id(), eggs.id()).onHand()).isEqualTo(38);
		assertThat(stock.stock(central.id(), rice.id()).onHand()).isEqualTo(12);
	}

	private String staff(Region region, String role) {
		String phone = Api.newPhone();
		var created = Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", phone, "displayName",
				"仓管" + MarketingFixtures.next(), "password", "secret123", "roles", new String[] { role }, "regionIds",
				new long[] { region.id().value() }));
		assertThat(created.status()).isEqualTo(201);
		return phone;
	}

	private void shot(String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")).setFullPage(true));
	}
}
