package com.linli.browser;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.linli.Api;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.PickupPoint;
import com.linli.ordering.OrderingFixtures;
import com.microsoft.playwright.Page;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The operator runs a cutoff from the console and downloads a sorting list; the leader confirms receipt on the phone. */
class CutoffBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Test
	void theOperatorRunsACutoffAndDownloadsASortingListAndTheLeaderConfirmsReceipt() throws Exception {
		var world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		PickupPoint north = world.pickupPoint;
		PickupPoint south = world.anotherPickupPoint();
		var apples = world.listing("红富士苹果", "19.90", 100, 5);
		var eggs = world.listing("土鸡蛋 30枚", "22.80", 100, 5);
		var milk = world.listing("纯牛奶 250ml×12", "39.90", 100, 5);
		var ann = world.resident(north);
		JsonNode annOrder = day.paidOrder(ann, apples, 2, eggs, 1);
		JsonNode bobOrder = day.paidOrder(world.resident(north), apples, 3, milk, 1);
		day.paidOrder(world.resident(south), eggs, 2);
		String date = world.pickupDate.toString();

		String operatorPhone = Api.newPhone();
		var created = Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName",
				"运营小周", "password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds",
				new long[] { world.region.id().value() }));
		assertThat(created.status()).isEqualTo(201);

		signIn(operatorPhone, "secret123");
		page.navigate(url("/console/cutoff-runs"));
		page.selectOption("#runRegionId", String.valueOf(world.region.id().value()));
		page.fill("#runPickupDate", date);
		page.click(".cutoff-now button[type=submit]");
		// the listings close hours from now: the console asks before cutting off early
		page.click(".cutoff-early button[type=submit]");
		assertThat(page).hasURL(Pattern.compile(".*/console/cutoff-runs/\\d+$"));
		// the progress bar polls every second and the page reloads with the results once complete
		assertThat(page.locator(".run-stats")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
		assertThat(page.locator(".run-stats .stat").nth(0)).containsText("3");
		assertThat(page.locator(".run-stats .stat").nth(2)).containsText("9");
		assertThat(page.locator("table.demand")).containsText("红富士苹果");
		assertThat(page.locator("table.demand tr", new Page.LocatorOptions().setHasText("红富士苹果"))).containsText("5");
		assertThat(page.locator("table.points")).containsText(north.name());
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/CutoffBrowserTests-run.png"))
			.setFullPage(true));

		var northRow = page.locator("table.points tr", new Page.LocatorOptions().setHasText(north.name()));
		var download = page.waitForDownload(() -> northRow.locator("a:has-text('Excel')").click());
		assertThat(download.suggestedFilename()).endsWith(".xlsx");
		try (var workbook = new ReadableWorkbook(download.path().toFile())) {
			List<String> cells = workbook.getFirstSheet().read().stream()
				.flatMap(r -> java.util.stream.IntStream.range(0, r.getCellCount()).mapToObj(r::getCellText)).toList();
			assertThat(cells).contains(annOrder.get("pickupCode").asText(), bobOrder.get("pickupCode").asText(),
					annOrder.get("orderNo").asText(), "红富士苹果", "纯牛奶 250ml×12");
		}

		page.locator("table.grids tr", new Page.LocatorOptions().setHasText(pickListGridName(page, north))).locator("a").first()
			.click();
		assertThat(page.locator("table.pick-list")).containsText("红富士苹果");
		assertThat(page.locator("table.pick-list tr", new Page.LocatorOptions().setHasText("红富士苹果")).locator(".pick-total"))
			.hasText("5");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/CutoffBrowserTests-pick-list.png"))
			.setFullPage(true));
		page.goBack();
		page.click("table.points a:has-text('" + north.name() + "')");
		assertThat(page.locator("table.sorted-orders")).containsText(annOrder.get("pickupCode").asText());
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/CutoffBrowserTests-sorting-list.png")).setFullPage(true));

		page.navigate(url("/console/cutoff-runs?regionId=" + world.region.id().value()));
		assertThat(page.locator("table.cutoff-runs tbody tr").first()).containsText(date);
		assertThat(page.locator("table.cutoff-runs tbody tr").first()).containsText("已完成");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/CutoffBrowserTests-runs.png"))
			.setFullPage(true));

		page.navigate(url("/console"));
		assertThat(page.locator("main")).containsText("未完成的截单");

		String leaderPhone = leaderOf(north);
		var phone = browser.newContext(phone());
		try {
			var mobile = phone.newPage();
			mobile.navigate(url("/login"));
			mobile.fill("#phone", leaderPhone);
			mobile.fill("#password", "leader123");
			mobile.click("button[type=submit]");
			assertThat(mobile).hasURL(Pattern.compile(".*/leader$"));
			mobile.click(".tabbar a:has-text('收货')");
			assertThat(mobile.locator(".lg-seg a.active")).hasText("到货确认");
			mobile.navigate(url("/leader/receipt?date=" + date));
			assertThat(mobile.locator(".lg-summary .lw-stat").first()).containsText("2");
			var applesRow = mobile.locator("details.lg-product", new Page.LocatorOptions().setHasText("红富士苹果"));
			assertThat(applesRow.locator(".lg-units b")).hasText("5");
			applesRow.locator("summary").click();
			long annApples = FulfilmentFixtures.line(annOrder, apples).get("id").asLong();
			mobile.fill("#short-" + annApples, "1");
			mobile.fill("#reason", "1 个苹果压坏");
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/CutoffBrowserTests-leader-receipt.png")).setFullPage(true));
			mobile.click(".lg-submit button");
			// the refund is confirmed in a second step
			assertThat(mobile.locator("#shortage-total")).containsText("19.90");
			mobile.click("#confirm-refund");
			assertThat(mobile.locator(".lg-done")).containsText("2 笔订单可取货");
			assertThat(mobile.locator(".lg-done")).containsText("19.90");
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/CutoffBrowserTests-leader-received.png")).setFullPage(true));
			assertThat(ann.get("/api/orders/" + annOrder.get("id").asLong()).json().get("refundedFen").asLong())
				.isEqualTo(1990);

			mobile.click(".lg-seg a:has-text('分拣单')");
			assertThat(mobile.locator(".lg-order").first()).isVisible();
			assertThat(mobile.locator("section.lg")).containsText(bobOrder.get("pickupCode").asText());
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/CutoffBrowserTests-leader-sorting.png")).setFullPage(true));
		}
		finally {
			phone.close();
		}
	}

	@Test
	void aCutoffBeforeTheListingsCutoffAsksTheOperatorWithTheCountsFirst() {
		var world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		var apples = world.listing("红富士苹果", "19.90", 100, 5); // on sale for three more hours
		var paid = day.paidOrder(world.resident(), apples, 2);
		var cai = world.resident();
		var unpaid = day.order(cai, apples, 1);
		day.order(cai, apples, 1);
		day.order(world.resident(), apples, 3);
		String operatorPhone = Api.newPhone();
		var created = Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName",
				"运营小吴", "password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds",
				new long[] { world.region.id().value() }));
		assertThat(created.status()).isEqualTo(201);

		signIn(operatorPhone, "secret123");
		page.navigate(url("/console/cutoff-runs"));
		page.selectOption("#runRegionId", String.valueOf(world.region.id().value()));
		page.fill("#runPickupDate", world.pickupDate.toString());
		page.click(".cutoff-now button[type=submit]");

		var ask = page.locator(".cutoff-early");
		assertThat(ask).isVisible();
		assertThat(ask).containsText("提前截单");
		assertThat(ask).containsText(world.region.name());
		assertThat(ask.locator(".early-unpaid")).containsText("3 笔未支付订单（2 位居民）将被取消");
		assertThat(ask.locator(".early-paid")).containsText("1 笔已支付订单");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/CutoffBrowserTests-early.png"))
			.setFullPage(true));

		// not now: nothing happened
		ask.locator("a.btn").click();
		assertThat(page.locator(".cutoff-early")).hasCount(0);
		assertThat(Api.at(port).asAdmin().get("/api/cutoff-runs?regionId=" + world.region.id().value()).json()
			.get("total").asLong()).isZero();
		assertThat(cai.get("/api/orders/" + unpaid.get("id").asLong()).json().get("status").asText())
			.isEqualTo("PENDING_PAYMENT");

		// asked again and confirmed: the cutoff runs, the unpaid orders are cancelled as closed early
		page.selectOption("#runRegionId", String.valueOf(world.region.id().value()));
		page.fill("#runPickupDate", world.pickupDate.toString());
		page.click(".cutoff-now button[type=submit]");
		page.click(".cutoff-early button[type=submit]");
		assertThat(page).hasURL(Pattern.compile(".*/console/cutoff-runs/\\d+$"));
		assertThat(page.locator(".run-stats")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
		assertThat(page.locator(".run-stats .stat").nth(0)).containsText("1");
		var cancelled = cai.get("/api/orders/" + unpaid.get("id").asLong()).json();
		assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("cancelReason").asText()).isEqualTo("CUTOFF_EARLY");
		assertThat(paid.get("status").asText()).isEqualTo("PAID");
	}

	/** The grid warehouse name shown for the pickup point in the run's pickup point table. */
	private static String pickListGridName(Page page, PickupPoint point) {
		return page.locator("table.points tr", new Page.LocatorOptions().setHasText(point.name())).locator("td").nth(2)
			.innerText();
	}

	private String leaderOf(PickupPoint point) {
		String phone = Api.newPhone();
		var body = new HashMap<String, Object>();
		body.put("phone", phone);
		body.put("name", "刘姐" + MarketingFixtures.next());
		body.put("password", "leader123");
		body.put("pickupPointId", point.id().value());
		var appointed = Api.at(port).asAdmin().post("/api/leaders", body);
		assertThat(appointed.status()).isEqualTo(201);
		return phone;
	}
}
