package com.linli.browser;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.linli.Deadline;
import com.linli.Api;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The leader at the pickup point with the phone: verify a pickup by code, see the day's orders and the commission. */
class LeaderPickupBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	JdbcClient jdbc;

	@Override
	protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void theLeaderVerifiesAPickupByCodeAndSeesTheCommission() {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var apples = world.listing("红富士苹果", "19.90", 200, 5);
		var eggs = world.listing("土鸡蛋 30枚", "22.80", 200, 5);
		var leader = pickups.leader(world.pickupPoint);
		var order = pickups.readyOrder(world.resident(), world.pickupPoint, apples, 2, eggs, 1);
		String code = order.get("pickupCode").asText();
		String wrong = code.equals("000000") ? "000001" : "000000";

		signIn(leader.phone(), leader.password());
		page.navigate(url("/leader/pickup"));
		assertThat(page.locator(".tabbar a")).hasCount(5);
		assertThat(page.locator(".tabbar a.active")).containsText("核销");
		// no BarcodeDetector in Chromium on Linux: the camera is read with the page's decoder instead
		assertThat(page.locator("#scan")).isVisible();
		assertThat(page.locator("#waiting")).hasText("待取 1 单");

		page.fill("#pickup-code", wrong); // six digits look the order up at once
		assertThat(page.locator("#pickup-error")).containsText("取货码错误");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/LeaderPickupBrowserTests-wrong-code.png")).setFullPage(true));

		page.fill("#pickup-code", code);
		assertThat(page.locator("#order")).containsText(order.get("orderNo").asText());
		assertThat(page.locator("#order .lp-line")).hasCount(2);
		assertThat(page.locator("#hand-out-all")).containsText("3");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/LeaderPickupBrowserTests-order.png")).setFullPage(true));

		// hand out the apples now, the eggs later
		page.locator("#order .lp-line", new Page.LocatorOptions().setHasText("土鸡蛋")).locator("input").uncheck();
		page.click("#hand-out-selected");
		assertThat(page.locator("#handed-out")).containsText("红富士苹果 ×2");
		assertThat(page.locator("#order .lp-line.done")).containsText("已取 2 件");
		page.click("#hand-out-all");
		assertThat(page.locator("#handed-out")).containsText("核销成功");
		assertThat(page.locator("#order")).hasCount(0);
		assertThat(page.locator("#waiting")).hasText("待取 0 单");
		assertThat(page.locator("#picked-today")).hasText("今日已取 1 单");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/LeaderPickupBrowserTests-done.png")).setFullPage(true));

		page.navigate(url("/leader/orders?date=" + world.pickupDate + "&status=PICKED_UP"));
		assertThat(page.locator(".lo-card")).containsText(code);
		assertThat(page.locator("#totals")).containsText("62.60");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/LeaderPickupBrowserTests-orders.png")).setFullPage(true));

		// commission accrues asynchronously after the pickup: the leader reloads until it is there
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("佣金")).click();
		assertThat(page).hasURL(Pattern.compile(".*/leader/commission$"));
		Deadline deadline = Deadline.inMillis(15_000);
		while (page.locator(".lc-entry").count() < 2 && !deadline.passed()) {
			page.waitForTimeout(300);
			page.reload();
		}
		assertThat(page.locator(".lc-entry")).hasCount(2);
		// default scheme: 62.60 yuan this month, first band 8%: 39.80 -> 3.18, 22.80 -> 1.82
		assertThat(page.locator("#month-net")).containsText("5.00");
		assertThat(page.locator("#next-band")).containsText("再卖 ¥4937.40 升到 10%");
		assertThat(page.locator("#entries")).containsText("+3.18");
		assertThat(page.locator("#entries")).containsText("余额 ¥5.00");

		// the operators' side: the leader's month, and an order left at the pickup point for three days
		var late = pickups.readyOrder(world.resident(), world.pickupPoint, eggs, 2);
		jdbc.sql("update ordering.orders set ready_at = ready_at - interval '3 days' where id = ?")
			.param(late.get("id").asLong()).update();
		var desktop = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setViewportSize(1366, 900).setLocale("zh-CN"));
		try {
			var console = desktop.newPage();
			console.navigate(url("/login"));
			console.fill("#phone", Api.ADMIN_PHONE);
			console.fill("#password", Api.ADMIN_PASSWORD);
			console.click("button[type=submit]");
			console.navigate(url("/console/commission?regionId=" + world.region.id().value()));
			assertThat(console.locator("#monthly")).containsText(leader.phone());
			assertThat(console.locator("#monthly")).containsText("¥5.00");
			console.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/LeaderPickupBrowserTests-console-commission.png")).setFullPage(true));
			console.navigate(url("/console/orders/overdue?regionId=" + world.region.id().value()));
			assertThat(console.locator("table.overdue")).containsText(late.get("orderNo").asText());
			assertThat(console.locator("table.overdue")).containsText(leader.phone());
			console.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/LeaderPickupBrowserTests-console-overdue.png")).setFullPage(true));
		}
		finally {
			desktop.close();
		}
	}

	@Test
	void anOperatorEditsTheRegionsCommissionScheme() {
		var admin = Api.at(port).asAdmin();
		var region = new MarketingFixtures(context).region();
		var operator = MarketingFixtures.operatorOf(admin, region);
		String phone = operator.get("/api/me").json().get("phone").asText();

		var desktop = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setViewportSize(1366, 900).setLocale("zh-CN"));
		try {
			var console = desktop.newPage();
			console.navigate(url("/login"));
			console.fill("#phone", phone);
			console.fill("#password", "secret123");
			console.click("button[type=submit]");
			console.navigate(url("/console/commission?regionId=" + region.id().value()));
			assertThat(console.locator("#scheme h2")).containsText("使用默认方案");
			assertThat(console.locator("#scheme tbody tr")).hasCount(3);

			console.click("#add-band");
			console.fill("input[name='bands[3].floor']", "10000");
			console.fill("input[name='bands[3].rate']", "11");
			console.click("#save-scheme");
			assertThat(console.locator("#scheme .field-error")).containsText("档位起点必须逐档递增");
			console.fill("input[name='bands[3].floor']", "50000");
			console.fill("input[name='bands[3].rate']", "60");
			console.click("#save-scheme");
			assertThat(console.locator("#scheme .field-error")).containsText("0% 到 50%");
			console.fill("input[name='bands[3].rate']", "13.5");
			console.click("#save-scheme");
			assertThat(console.locator(".alert.ok")).containsText("佣金方案已保存");
			assertThat(console.locator("#scheme h2")).containsText("本区域方案");
			assertThat(console.locator("input[name='bands[3].rate']")).hasValue("13.5");
			console.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/LeaderPickupBrowserTests-scheme.png")).setFullPage(true));
		}
		finally {
			desktop.close();
		}
	}

	@Test
	void withoutBarcodeDetectorThePageDecodesTheResidentsQrItselfAndLooksTheOrderUp() throws Exception {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var apples = world.listing("红富士苹果", "19.90", 200, 5);
		var leader = pickups.leader(world.pickupPoint);
		var resident = world.resident();
		var order = pickups.readyOrder(resident, world.pickupPoint, apples, 1);
		// the QR the resident shows, as the server draws it (ZXing)
		var qr = resident.get("/api/orders/" + order.get("id").asLong() + "/pickup-qr", java.util.Map.of("Accept", "image/png"));
		org.assertj.core.api.Assertions.assertThat(qr.status()).isEqualTo(200);
		String png = java.util.Base64.getEncoder().encodeToString(qr.body());

		// an iPhone or WeChat: no BarcodeDetector
		page.addInitScript("delete window.BarcodeDetector;");
		signIn(leader.phone(), leader.password());
		page.navigate(url("/leader/pickup"));
		assertThat(page.locator("#scan")).isVisible();
		page.waitForFunction("() => window.linliPickupScanner && window.linliPickupScanner.ready");
		Object decoded = page.evaluate("""
				async (png) => {
				  const image = new Image();
				  image.src = 'data:image/png;base64,' + png;
				  await image.decode();
				  // as the camera loop sees it, frame after frame: a 640-pixel frame with the resident's
				  // screen in it, never twice at the same size, place and angle (a hand-held phone). ZXing in
				  // JavaScript misses a few per cent of codes in one particular sharp frame; the next frames read them.
				  for (let attempt = 0; attempt < 10; attempt++) {
				    const canvas = document.createElement('canvas');
				    canvas.width = 640; canvas.height = 640;
				    const g = canvas.getContext('2d');
				    g.fillStyle = '#f4f4f4';
				    g.fillRect(0, 0, 640, 640);
				    const side = Math.round(image.width * (1.2 + 0.06 * attempt));
				    g.translate(320 + 9 * (attempt % 3), 320 - 7 * (attempt % 4));
				    g.rotate((attempt % 2 ? -1 : 1) * attempt * 2.5 * Math.PI / 180);
				    g.drawImage(image, -side / 2, -side / 2, side, side);
				    const text = await window.linliPickupScanner.decode(canvas);
				    if (text) { return text; }
				    await new Promise(r => setTimeout(r, 100));
				  }
				  return null;
				}""", png);
		org.assertj.core.api.Assertions.assertThat(decoded)
			.isEqualTo("LINLI-PICKUP:" + order.get("pickupCode").asText() + ":" + order.get("orderNo").asText());

		// what the camera read is looked up as a typed code would be
		page.evaluate("(text) => window.linliPickupScanner.found(text)", decoded);
		assertThat(page.locator("#order")).containsText(order.get("orderNo").asText());
	}
}
