package com.linli.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.TestClock;
import com.linli.identity.AccountId;
import com.linli.marketing.ListingId;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.OrderPromotions;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.PriceEngine;
import com.linli.marketing.PriceRequest;
import com.linli.shared.Money;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** An operator creates a 双12 campaign with a full reduction in the console, starts it, and reads its report. */
class CampaignBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	PriceEngine engine;

	@Autowired
	OrderPromotions promotions;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void operatorCreatesACampaignWithAFullReductionAndSeesItsReport() {
		var fixtures = new MarketingFixtures(beans);
		var region = fixtures.region();
		var point = fixtures.pickupPoint(region, "双12小区" + MarketingFixtures.next(), 30.5, 114.3);
		var fruit = fixtures.category("水果", 1);
		var sku = fixtures.sku(fruit, "赣南脐橙" + MarketingFixtures.next(), "5斤装");
		String phone = Api.newPhone();
		Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", phone, "displayName", "运营小王", "password",
				"secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { region.id().value() }));
		var body = new HashMap<String, Object>(Map.of("regionId", region.id().value(), "skuId", sku.id().value(),
				"groupPriceFen", 3500, "stockCap", 100, "perResidentLimit", 10, "pickupDate",
				TestClock.today().plusDays(2).toString()));
		long listing = Api.at(port).as(phone, "secret123").post("/api/listings", body).id();
		String name = "双12 年终大促" + MarketingFixtures.next();

		signIn(phone, "secret123");
		page.navigate(url("/console/campaigns"));
		page.selectOption("#regionId", String.valueOf(region.id().value()));
		page.fill("#name", name);
		page.selectOption("#festival", "DOUBLE_TWELVE");
		page.fill("#startsOn", TestClock.today().minusDays(8).toString()); // in its peak today
		page.fill("#budget", "5000");
		page.click("#new-campaign button[type=submit]");

		assertThat(page.locator("h1")).containsText(name);
		assertThat(page.locator("h1 .badge")).hasText("草稿");
		assertThat(page.locator("#campaign-phase")).hasText("爆发期");
		page.fill("#reductionName", "全场满减");
		page.fill("#tiers", "39:5, 69:12");
		page.click("#add-reduction button[type=submit]");
		assertThat(page.locator(".alert.ok")).isVisible();
		assertThat(page.locator(".reduction-row")).containsText("满39减5 / 满69减12");
		page.click("#campaign-schedule");
		assertThat(page.locator(".alert.ok")).isVisible();
		if (page.locator("#campaign-start").count() > 0) { // unless the campaign clock started it meanwhile
			assertThat(page.locator("h1 .badge")).hasText("已排期");
			page.click("#campaign-start");
		}
		assertThat(page.locator("h1 .badge")).hasText("进行中");
		assertThat(page.locator("#report-total")).containsText("0");

		// a resident orders two boxes (70.00): ordering asks the engine and tells marketing, as it will at checkout
		var resident = new AccountId(Api.at(port).newResident().get("/api/me").json().get("id").asLong());
		var request = PriceRequest.of(resident, region.id(), point.id(),
				List.of(new PriceRequest.Line(new ListingId(listing), sku.id(), fruit.id(), Money.ofFen(3500), 2)));
		var quote = engine.quote(request);
		long orderId = 6_000_000_000L + System.nanoTime() % 1_000_000_000L;
		transactions.executeWithoutResult(tx -> {
			promotions.placed(new PlacedOrder(orderId, resident, region.id(), point.id(), request, quote, Map.of(),
					TestClock.now()));
			promotions.paid(orderId, resident, region.id(), quote.payable(), TestClock.now());
		});

		page.reload();
		Locator total = page.locator("#report-total");
		assertThat(total).containsText("58.00"); // GMV
		assertThat(total).containsText("12.00"); // discount cost
		assertThat(total).containsText("4.83"); // ROI
		assertThat(page.locator("#campaign-spent")).containsText("12.00");
		assertThat(page.locator("#campaign-chart canvas")).hasCount(1);
		page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/CampaignBrowserTests-report.png"))
			.setFullPage(true));

		// the campaign is in the calendar, running
		page.navigate(url("/console/campaigns"));
		var row = page.locator("table.campaigns tbody tr", new Page.LocatorOptions().setHasText(name));
		assertThat(row).containsText("进行中");
		assertThat(row).containsText("双12");
	}
}
