package com.linli.browser;

import java.nio.file.Path;

import com.linli.Api;
import com.linli.leader.recruitment.SmsLog;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A leader adds a helper (核销员) on the phone; the helper signs in on their own phone and hands out an order. */
class HelpersBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Override
	protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void aLeaderAddsAHelperWhoVerifiesAPickupOnThePhone() {
		SmsLog.listen();
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		var leader = pickups.leader(world.pickupPoint);
		var listing = world.listing("西兰花" + MarketingFixtures.next(), "6.50", 100, 5);
		var order = pickups.readyOrder(world.resident(), world.pickupPoint, listing, 2);

		signIn(leader.phone(), leader.password());
		page.navigate(url("/leader/me"));
		page.click("#helpers-link");
		page.fill("#helper-name", "王小帮");
		page.fill("#helper-phone", "123");
		page.click("#add-helper-submit");
		assertThat(page.locator("#helper-error")).containsText("11 位手机号");
		String phone = Api.newPhone();
		page.fill("#helper-name", "王小帮");
		page.fill("#helper-phone", phone);
		page.click("#add-helper-submit");
		assertThat(page.locator("#added")).containsText("王小帮");
		assertThat(page.locator("#helpers")).containsText(phone.substring(0, 3) + "****" + phone.substring(7));
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/HelpersBrowserTests-added.png")).setFullPage(true));

		var helperPhone = browser.newContext(phone());
		try {
			var helper = helperPhone.newPage();
			helper.navigate(url("/login"));
			helper.fill("#phone", phone);
			helper.fill("#password", SmsLog.passwordFor(phone));
			helper.click("button[type=submit]");
			helper.waitForLoadState();
			// a first password is changed first
			helper.fill("#currentPassword", SmsLog.passwordFor(phone));
			helper.fill("#newPassword", "helper-2026x");
			helper.click("button[type=submit]");
			helper.waitForLoadState();
			if (helper.url().contains("/login")) {
				helper.fill("#phone", phone);
				helper.fill("#password", "helper-2026x");
				helper.click("button[type=submit]");
				helper.waitForLoadState();
			}
			helper.navigate(url("/"));
			assertThat(helper).hasURL(java.util.regex.Pattern.compile(".*/leader/pickup$"));
			// the tab bar offers the pickup page only
			assertThat(helper.locator(".leader-tabs a")).hasCount(1);
			helper.fill("#pickup-code", order.get("pickupCode").asText());
			helper.click("#look-up");
			assertThat(helper.locator("#order")).containsText("西兰花");
			// the helper sees the resident's phone masked, with nothing to dial
			assertThat(helper.locator("#order .lp-phone")).hasText(java.util.regex.Pattern.compile("^1\\d{2}\\*{4}\\d{4}$"));
			assertThat(helper.locator("#order a[href^='tel:']")).hasCount(0);
			helper.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/HelpersBrowserTests-helper-order.png")).setFullPage(true));
			helper.click("#hand-out-all");
			assertThat(helper.locator("#handed-out")).containsText(order.get("orderNo").asText());
			helper.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/HelpersBrowserTests-helper-done.png")).setFullPage(true));
			// no money pages
			var earnings = helper.navigate(url("/leader/earnings"));
			org.assertj.core.api.Assertions.assertThat(earnings.status()).isEqualTo(403);
			helper.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/HelpersBrowserTests-helper-earnings.png")).setFullPage(true));

			// the leader removes the helper: their next page is the sign-in
			page.navigate(url("/leader/helpers"));
			page.locator(".helper .remove").first().click();
			assertThat(page.locator("#removed")).isVisible();
			helper.navigate(url("/leader/pickup"));
			assertThat(helper).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
		}
		finally {
			helperPhone.close();
		}
	}
}
