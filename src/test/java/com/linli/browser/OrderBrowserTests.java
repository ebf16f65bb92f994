package com.linli.browser;

import java.util.regex.Pattern;

import com.linli.identity.AccountManagement;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.network.NetworkManagement;
import com.linli.ordering.OrderingFixtures;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A resident on a phone: product page, cart, checkout, the cashier, and the pickup code. */
class OrderBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	NetworkManagement network;

	@Autowired
	AccountManagement accounts;

	@Override
	protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void aResidentOrdersPaysAndSeesTheirPickupCode() {
		var world = new OrderingFixtures(context, port);
		var listing = world.listing("赣南脐橙", "29.90", 20, 3);
		String phone = com.linli.Api.newPhone();
		var id = accounts.create(new NewAccount(phone, "王阿姨", "secret123", java.util.Set.of(Role.RESIDENT),
				java.util.Set.of())).id();
		network.bindResident(id, world.pickupPoint.id());

		signIn(phone, "secret123");
		page.navigate(url("/shop/listings/" + listing.id().value()));
		page.selectOption("#buy-quantity", "2");
		page.click("#add-to-cart");
		page.click(".buy-added a");
		assertThat(page.locator("#cart-total")).hasText("59.80");
		page.click("#checkout");

		// the simulated provider's cashier, then back to the order
		assertThat(page).hasURL(Pattern.compile(".*/pay/sim/.*"));
		assertThat(page.locator("#amount")).hasText("59.80");
		page.click("#pay");
		page.click("#back");
		assertThat(page).hasURL(Pattern.compile(".*/shop/orders/\\d+"));
		// the notification arrives asynchronously: the page shows the code once the order is paid
		for (int i = 0; i < 50 && page.locator("#pickup-code").count() == 0; i++) {
			page.waitForTimeout(200);
			page.reload();
		}
		assertThat(page.locator("#pickup-code")).hasText(Pattern.compile("\\d{6}"));
		assertThat(page.locator(".pickup-code img")).isVisible();
		page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/order-paid.png")));
		// the timeline speaks the reader's language
		assertThat(page.locator(".timeline-row")).hasCount(2);
		assertThat(page.locator(".timeline-row").nth(0)).containsText("下单");
		assertThat(page.locator(".timeline-row").nth(1)).containsText("支付成功");
		String orderPage = page.url();
		page.navigate(orderPage + "?lang=en");
		assertThat(page.locator(".timeline-row").nth(0)).containsText("Placed");
		assertThat(page.locator(".timeline-row").nth(1)).containsText("Paid");
		page.navigate(orderPage + "?lang=zh-CN");

		page.navigate(url("/shop/orders"));
		assertThat(page.locator(".order-card").first()).containsText("赣南脐橙");
		assertThat(page.locator(".order-card").first()).containsText("已支付");

		// the platform admin finds the order in the console by the resident's phone
		var desk = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 850));
		var console = desk.newPage();
		console.navigate(url("/login"));
		console.fill("#phone", com.linli.Api.ADMIN_PHONE);
		console.fill("#password", com.linli.Api.ADMIN_PASSWORD);
		console.click("button[type=submit]");
		console.navigate(url("/console/orders?q=" + phone.substring(7)));
		assertThat(console.locator("#orders tbody tr")).hasCount(1);
		assertThat(console.locator("#orders tbody tr")).containsText("59.80");
		console.click("#orders tbody tr a");
		assertThat(console.locator("table.list")).containsText("赣南脐橙");
		desk.close();
	}
}
