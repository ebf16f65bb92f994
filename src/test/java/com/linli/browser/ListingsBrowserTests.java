package com.linli.browser;

import java.time.LocalDate;
import java.util.Map;

import com.linli.Api;
import com.linli.TestClock;
import com.linli.marketing.MarketingFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class ListingsBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Test
	void operatorPublishesAListingInTheConsoleAndSeesItInTheList() {
		var fixtures = new MarketingFixtures(beans);
		var region = fixtures.region();
		var fruit = fixtures.category("水果", 1);
		String name = "烟台红富士苹果" + MarketingFixtures.next();
		fixtures.sku(fruit, name, "5斤装");
		String phone = Api.newPhone();
		Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", phone, "displayName", "运营小李",
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds",
				new long[] { region.id().value() }));
		LocalDate pickup = TestClock.today().plusDays(2);

		signIn(phone, "secret123");
		assertThat(page.locator(".stat", new com.microsoft.playwright.Page.LocatorOptions().setHasText("正在开团的商品")))
			.hasCount(1);
		page.navigate(url("/console/listings/new"));
		page.selectOption("#regionId", String.valueOf(region.id().value()));
		page.fill("#pickupDate", pickup.toString());
		page.dispatchEvent("#pickupDate", "change");
		assertThat(page.locator("#cutoffAt")).hasValue(pickup.minusDays(1) + "T23:00");
		page.locator("#skuQuery").pressSequentially(name.substring(0, 7));
		page.locator(".sku-option", new com.microsoft.playwright.Page.LocatorOptions().setHasText(name)).click();
		page.fill("#groupPrice", "abc");
		page.fill("#stockCap", "100");
		page.click("button[type=submit]");

		// a wrong price comes back beside its field, with the chosen SKU kept
		assertThat(page.locator("#groupPrice + .field-error, .field:has(#groupPrice) .field-error")).containsText("12.80");
		assertThat(page.locator(".sku-option.selected")).containsText(name);
		page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
			.setPath(java.nio.file.Path.of("target/screenshots/ListingsBrowserTests-form-error.png")).setFullPage(true));
		page.fill("#groupPrice", "12.80");
		page.fill("#listPrice", "19.90");
		page.click("button[type=submit]");

		assertThat(page.locator(".alert.ok")).containsText("已上架");
		var row = page.locator("table.list tbody tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(name));
		assertThat(row).hasCount(1);
		assertThat(row).containsText("¥12.80");
		assertThat(row).containsText("¥19.90");
		assertThat(row).containsText("0 / 100");
		assertThat(row).containsText("开团中");

		// the price drops, then the listing is withdrawn
		row.locator("a", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("编辑")).click();
		assertThat(page.locator(".listing-fixed")).containsText(name);
		assertThat(page.locator("#groupPrice")).hasValue("12.80");
		page.fill("#listPrice", "9.90");
		page.click("button[type=submit]");
		assertThat(page.locator(".field:has(#listPrice) .field-error")).containsText("划线价不能低于团购价");
		page.fill("#listPrice", "19.90");
		page.fill("#stockCap", "120");
		page.fill("#groupPrice", "11.80");
		page.click("button[type=submit]");
		assertThat(page.locator(".alert.ok")).containsText("已保存");
		assertThat(row).containsText("¥11.80");
		assertThat(row).containsText("0 / 120");
		page.onDialog(dialog -> dialog.accept());
		row.locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("下架")).click();
		assertThat(page.locator(".alert.ok")).containsText("已下架");
		assertThat(row).containsText("已下架");
		assertThat(row.locator("a", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("编辑"))).hasCount(0);
	}
}
