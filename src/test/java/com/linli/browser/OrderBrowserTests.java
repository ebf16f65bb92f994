package com.linli.browser;

import java.util.regex.Pattern;

import com.linli.identity.AccountManagement;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.network.ResidentBindingManagement;
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
	ResidentBindingManagement network;

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

		// the review step: where and when to pick up, what and how much, a note to the leader
		assertThat(page.locator("#review-point-name")).hasText(world.pickupPoint.name());
		assertThat(page.locator("#review-point-address")).hasText(world.pickupPoint.address());
		assertThat(page.locator("#review-point-hours")).containsText("08:00");
		assertThat(page.locator("#review-point-hours")).containsText("21:00");
		assertThat(page.locator("#review-pickup-date")).containsText(world.pickupDate.getMonthValue() + "月"
				+ world.pickupDate.getDayOfMonth() + "日");
		assertThat(page.locator(".review-line")).hasCount(1);
		assertThat(page.locator(".review-line")).containsText("赣南脐橙");
		assertThat(page.locator("#review-total")).hasText("59.80");
		page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/order-review.png")));
		page.fill("#order-note", "晚上七点后来取");
		page.click("#submit-order");

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
		// the order says where, when (opening hours) and what the resident asked for
		assertThat(page.locator("#order-point-name")).hasText(world.pickupPoint.name());
		assertThat(page.locator("#order-point-address")).hasText(world.pickupPoint.address());
		assertThat(page.locator("#order-point-hours")).containsText("08:00");
		assertThat(page.locator("#order-note")).hasText("晚上七点后来取");
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

	@Test
	void anOperatorRefundsALineWritesANoteAndCancelsFromTheConsoleInPlainWords() {
		var world = new OrderingFixtures(context, port);
		var pears = world.listing("库尔勒香梨", "15.00", 50, 5);
		var resident = world.resident();
		var order = new com.linli.fulfilment.FulfilmentFixtures(world, port).paidOrder(resident, pears, 3);
		long id = order.get("id").asLong();

		var desk = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 850)
			.setLocale("zh-CN"));
		var console = desk.newPage();
		console.navigate(url("/login"));
		console.fill("#phone", com.linli.Api.ADMIN_PHONE);
		console.fill("#password", com.linli.Api.ADMIN_PASSWORD);
		console.click("button[type=submit]");
		console.navigate(url("/console/orders/" + id));

		// statuses and the provider in words, not codes
		assertThat(console.locator("#payment")).containsText("支付成功");
		assertThat(console.locator("#payment")).containsText("模拟支付");
		assertThat(console.locator("#payment")).not().containsText("SUCCEEDED");
		assertThat(console.locator("#payment")).not().containsText("simulated");

		var refund = console.locator("form.refund-line").first();
		refund.locator("select[name=quantity]").selectOption("2");
		refund.locator("select[name=reason]").selectOption("DAMAGED");
		refund.locator("button[type=submit]").click();
		assertThat(console.locator("#done")).containsText("已退款");
		assertThat(console.locator("#order-refunded")).hasText("¥30.00");
		assertThat(console.locator("#refunds tbody tr")).hasCount(1);
		assertThat(console.locator("#refunds tbody tr").first()).containsText("库尔勒香梨 × 2");
		assertThat(console.locator("#refunds tbody tr").first()).containsText("商品破损");
		assertThat(console.locator("#refunds")).not().containsText("line:");
		// one unit is left to refund on the line
		assertThat(console.locator("form.refund-line select[name=quantity] option")).hasCount(1);

		console.fill("#note-text", "居民来电：剩下一个周六再取");
		console.click("#add-note");
		assertThat(console.locator("#done")).containsText("备注");
		assertThat(console.locator(".timeline-row.staff-note")).containsText("居民来电：剩下一个周六再取");

		console.onceDialog(dialog -> dialog.accept());
		console.click("#cancel-order");
		assertThat(console.locator("#order-status")).hasText("已取消");
		assertThat(console.locator("#order-refunded")).hasText("¥45.00");
		assertThat(console.locator("#refunds tbody tr")).hasCount(2);
		assertThat(console.locator("#refunds tbody tr").nth(1)).containsText("平台取消订单");
		assertThat(console.locator("#cancel-order")).hasCount(0);
		console.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/console-order-actions.png"))
			.setFullPage(true));
		desk.close();

		var residentOrder = resident.get("/api/orders/" + id).json();
		org.assertj.core.api.Assertions.assertThat(residentOrder.get("refundedFen").asLong()).isEqualTo(4500);
	}
}
