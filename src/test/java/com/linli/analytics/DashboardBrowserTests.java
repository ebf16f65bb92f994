package com.linli.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.browser.BrowserTest;
import com.linli.catalog.Sku;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderFacts;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.microsoft.playwright.Page;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator opens the dashboard, switches from the week to the month, clicks a number, reads the list behind it
 * and exports it to Excel. The figure is real: the GMV of one order of 3 kiwis at ¥19.90, paid and picked up in a
 * new region, from the facts kept by the listener on the payment.
 */
class DashboardBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	OrderFacts orderFacts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOperatorSwitchesThePeriodDrillsIntoANumberAndExportsIt() throws Exception {
		var world = new OrderingFixtures(beans, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var marketing = new MarketingFixtures(beans);
		Sku kiwis = marketing.sku(marketing.category("看板浏览水果", 1), "看板浏览猕猴桃", "6个/盒");
		Listing listing = world.listing(kiwis, "19.90", 500, 50);
		var leader = pickups.leader(world.pickupPoint);
		var order = pickups.readyOrder(world.resident(), world.pickupPoint, listing, 3);
		assertThat(leader.api().post("/api/leader/pickups", Map.of("pickupCode", order.get("pickupCode").asText()))
			.status()).isEqualTo(200);
		long orderId = order.get("id").asLong();
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (jdbc.sql("select count(*) from analytics.fact_event where key = ?").param("paid:" + orderId)
			.query(Long.class).single() == 0) {
			org.assertj.core.api.Assertions.assertThat(System.nanoTime() < deadline).as("facts applied in time").isTrue();
			Thread.sleep(50);
		}
		var day = orderFacts.paidOrder(new OrderId(orderId)).orElseThrow().day();
		String pointName = world.pickupPoint.name();
		long regionId = world.region.id().value();
		String operatorPhone = MarketingFixtures.operatorOf(Api.at(port), world.region).get("/api/me").json()
			.get("phone").asText();

		signIn(operatorPhone, "secret123");
		page.navigate(url("/console?regionId=" + regionId + "&kind=WEEK&date=" + day));
		htmxReady();
		var paid = page.locator("[id='metric-" + "sales.gmv" + "']");
		assertThat(paid.locator(".metric-value a")).hasText("¥59.70");
		assertThat(paid.locator(".sparkline canvas")).isVisible();
		assertThat(page.locator("#kind-week input")).isChecked();
		shot("dashboard-desktop-zh");

		htmxSwap(() -> page.click("#kind-month"));
		assertThat(page.locator("#dashboard-period")).containsText("月 · " + day.withDayOfMonth(1));
		assertThat(page).hasURL(java.util.regex.Pattern.compile("kind=MONTH"));
		assertThat(page.locator("#kind-month input")).isChecked();
		assertThat(paid.locator(".metric-value a")).hasText("¥59.70");
		assertThat(paid.locator(".sparkline canvas")).isVisible();

		paid.locator(".metric-value a").click();
		page.waitForLoadState();
		assertThat(page).hasURL(java.util.regex.Pattern.compile("/console/analytics/drill\\?.*kind=MONTH"));
		assertThat(page.locator("#drill-value")).hasText("¥59.70");
		var rows = page.locator("#drill-table tbody tr");
		assertThat(rows).hasCount(1);
		assertThat(rows.first()).containsText(pointName);
		assertThat(rows.first()).containsText("¥59.70");
		assertThat(page.locator("#drill-table thead")).containsText("自提点");
		shot("dashboard-drill-zh");

		var download = page.waitForDownload(() -> page.click("#drill-export"));
		assertThat(download.suggestedFilename()).endsWith(".xlsx");
		try (var workbook = new ReadableWorkbook(download.path().toFile())) {
			List<Row> sheet = workbook.getFirstSheet().read();
			assertThat(sheet.get(1).getCellText(2)).isEqualTo("GMV");
			assertThat(sheet.get(2).getCellText(0)).isEqualTo(pointName);
			assertThat(sheet.get(2).getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(1);
			assertThat(sheet.get(2).getCellAsNumber(2).orElseThrow().doubleValue()).isEqualTo(59.70);
		}

		// the same view in English and on a narrow screen, for a person to look at
		page.navigate(url("/console?regionId=" + regionId + "&kind=MONTH&date=" + day + "&lang=en"));
		htmxReady();
		assertThat(page.locator("#dashboard-period")).containsText("Month");
		shot("dashboard-desktop-en");
		page.setViewportSize(390, 844);
		page.navigate(url("/console?regionId=" + regionId + "&kind=WEEK&date=" + day + "&lang=zh-CN"));
		htmxReady();
		assertThat(paid.locator(".metric-value a")).hasText("¥59.70");
		shot("dashboard-narrow-zh");
	}

	private void shot(String name) throws Exception {
		page.waitForTimeout(300);
		Files.createDirectories(Path.of("target/screenshots"));
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")).setFullPage(true));
	}
}
