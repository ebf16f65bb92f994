package com.linli.browser;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.leader.internal.CommissionAccruals;
import com.linli.leader.internal.payouts.PayoutJobs;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderPickedUp;
import com.linli.ordering.OrderPickedUp.PickedUpLine;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.shared.Money;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A leader withdraws commission on the phone; the region's operator approves it in the console and it is paid. */
class PayoutsBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	CommissionAccruals accruals;

	@Autowired
	PayoutJobs jobs;

	@Autowired
	Clock clock;

	@Override
	protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void aLeaderRequestsAWithdrawalOnThePhoneAndTheOperatorApprovesIt() {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		var leader = pickups.leader(world.pickupPoint);
		// 86.00 yuan earned 8 days ago (now available), 12.00 yuan today (pending)
		pickUp(world, Instant.now(clock).minus(Duration.ofDays(8)), 17_200);
		pickUp(world, Instant.now(clock), 2_400);
		var deadline = Deadline.inMillis(15_000);
		while (jobs.runOnce(Instant.now(clock)) < 0 && !deadline.passed()) {
			page.waitForTimeout(200);
		}

		signIn(leader.phone(), leader.password());
		page.navigate(url("/leader"));
		page.click("#earnings-link");
		assertThat(page.locator("#available")).containsText("86.00");
		assertThat(page.locator("#pending")).containsText("12.00");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/PayoutsBrowserTests-earnings.png")).setFullPage(true));

		page.fill("#amount", "5");
		page.click("#withdraw-submit");
		assertThat(page.locator("#amount-error")).containsText("至少 ¥10.00");
		page.fill("#amount", "100");
		page.click("#withdraw-submit");
		assertThat(page.locator("#amount-error")).containsText("超过可提现余额 ¥86.00");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/PayoutsBrowserTests-refused.png")).setFullPage(true));

		page.fill("#amount", "50");
		page.click("#withdraw-submit");
		assertThat(page.locator("#requested")).containsText("50.00");
		assertThat(page.locator("#available")).containsText("36.00");
		assertThat(page.locator("#in-flight")).containsText("50.00");
		assertThat(page.locator("#history")).containsText("待审核");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/PayoutsBrowserTests-requested.png")).setFullPage(true));

		var desktop = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setViewportSize(1366, 900).setLocale("zh-CN"));
		try {
			var console = desktop.newPage();
			console.navigate(url("/login"));
			console.fill("#phone", Api.ADMIN_PHONE);
			console.fill("#password", Api.ADMIN_PASSWORD);
			console.click("button[type=submit]");
			console.waitForLoadState();
			console.navigate(url("/console/withdrawals?regionId=" + world.region.id().value()));
			var row = console.locator("#withdrawals tbody tr", new Page.LocatorOptions().setHasText(leader.phone()));
			assertThat(row).containsText("50.00");
			row.locator("input[name=ids]").check();
			assertThat(console.locator("#chosen-total")).containsText("50.00");
			console.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/PayoutsBrowserTests-console.png")).setFullPage(true));
			console.click("#approve");
			assertThat(console.locator("#approved")).containsText("50.00");
			console.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/PayoutsBrowserTests-approved.png")).setFullPage(true));
		}
		finally {
			desktop.close();
		}

		// the payout follows the approval: the leader reloads until it is paid
		var paid = Deadline.inMillis(15_000);
		page.navigate(url("/leader/earnings"));
		while (!page.locator("#history").textContent().contains("已到账") && !paid.passed()) {
			page.waitForTimeout(300);
			page.reload();
		}
		assertThat(page.locator("#history")).containsText("已到账");
		assertThat(page.locator("#paid")).containsText("50.00");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/PayoutsBrowserTests-paid.png")).setFullPage(true));
	}

	private void pickUp(OrderingFixtures world, Instant at, long baseFen) {
		long line = 6_000_000_000L + System.nanoTime() % 1_000_000_000L;
		accruals.accrue(new OrderPickedUp(new OrderId(line), "B" + line, new AccountId(0), world.pickupPoint.id(),
				world.region.id(), at, true, List.of(new PickedUpLine(new OrderLineId(line), new SkuId(1), null, 1,
						Money.ofFen(baseFen), "测试商品", 5000))));
	}
}
