package com.linli.browser;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.linli.Api;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.leader.internal.CommissionAccruals;
import com.linli.leader.internal.incentives.IncentiveJobs;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderPickedUp;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.shared.Money;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Incentives in the browser: a leader sees their invite page (code, link, the leader they referred with the reward
 * paid) and the referral entries on their ledger; an operator creates last month's contest in the console and
 * closes it, paying its winner.
 */
class IncentivesBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	CommissionAccruals accruals;

	@Autowired
	IncentiveJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	@Test
	void aLeaderSeesTheirInvitationAndAnOperatorClosesAContest() {
		var world = new OrderingFixtures(beans, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var second = world.anotherPickupPoint();
		var referrer = pickups.leader(world.pickupPoint);
		var referred = pickups.leader(second);
		var admin = Api.at(port).asAdmin();
		var attributed = admin.post("/api/admin/leaders/" + referred.leaderId() + "/referrals",
				Map.of("referrerId", referrer.leaderId()));
		org.assertj.core.api.Assertions.assertThat(attributed.status()).as(attributed.toString()).isEqualTo(201);
		// ¥3,500 picked up at the referred leader's point: ¥35.00 referral commission, and the reward is due
		long line = 8_600_000_000L + System.nanoTime() % 100_000_000L;
		accruals.accrue(new OrderPickedUp(new OrderId(line), "B" + line, new AccountId(0), second.id(), world.region.id(),
				Instant.now(clock), true, List.of(new OrderPickedUp.PickedUpLine(new OrderLineId(line), new SkuId(1), null,
						1, Money.ofFen(350000), "邀请浏览器商品", 1000))));
		int paid;
		while ((paid = jobs.payReferralRewards()) < 0) {
			page.waitForTimeout(100);
		}
		org.assertj.core.api.Assertions.assertThat(paid).isGreaterThanOrEqualTo(0);

		var phone = browser.newContext(phone());
		try {
			var mobile = phone.newPage();
			mobile.navigate(url("/login"));
			mobile.fill("#phone", referrer.phone());
			mobile.fill("#password", referrer.password());
			mobile.click("button[type=submit]");
			assertThat(mobile).hasURL(Pattern.compile(".*/leader$"));
			mobile.navigate(url("/leader/earnings"));
			mobile.click("#invite-link");
			assertThat(mobile).hasURL(Pattern.compile(".*/leader/invite$"));
			assertThat(mobile.locator("#code")).hasText(Pattern.compile("[0-9A-Z]{8}"));
			assertThat(mobile.locator("#link")).hasValue(Pattern.compile("/join\\?ref=[0-9A-Z]{8}"));
			var row = mobile.locator(".referred[data-leader='" + referred.leaderId() + "']");
			assertThat(row).containsText("¥3500.00");
			assertThat(row.locator(".reward-paid")).containsText("¥100.00");
			assertThat(row).containsText("¥35.00");
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/IncentivesBrowserTests-leader-invite.png")).setFullPage(true));
			mobile.navigate(url("/leader/commission"));
			assertThat(mobile.locator(".lc-entry[data-kind='REFERRAL_REWARD']")).containsText("+100.00");
			assertThat(mobile.locator(".lc-entry[data-kind='REFERRAL']")).containsText("+35.00");
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/IncentivesBrowserTests-leader-ledger.png")).setFullPage(true));
		}
		finally {
			phone.close();
		}

		// last month's sales at the first point: ¥30.00 (3 apples)
		var apples = world.listing("评比浏览器苹果", "10.00", 100, 10);
		var order = pickups.paidOrder(world.resident(world.pickupPoint), apples, 3);
		YearMonth last = YearMonth.from(LocalDate.now(clock.withZone(world.region.zone()))).minusMonths(1);
		jdbc.sql("update ordering.orders set pickup_date = ? where id = ?").params(last.atDay(10), order.get("id").asLong())
			.update();

		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url("/console/leaders/contests?regionId=" + world.region.id().value()));
		page.selectOption("#regionId", Long.toString(world.region.id().value()));
		page.fill("#month", last.toString());
		page.selectOption("#metric", "SALES");
		page.fill("#title", last.getMonthValue() + "月销售冠军");
		page.fill("#winners", "2");
		page.fill("#cash-1", "50");
		page.fill("#description-2", "水果券 5 张");
		page.click("#create-submit");
		assertThat(page).hasURL(Pattern.compile(".*/console/leaders/contests/\\d+$"));
		assertThat(page.locator("#status")).hasText("进行中");
		var standing = page.locator("#standings tr[data-leader='" + referrer.leaderId() + "']");
		assertThat(standing).containsText("¥30.00");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/IncentivesBrowserTests-console-standings.png")).setFullPage(true));
		page.onceDialog(dialog -> dialog.accept());
		page.click("#close-submit");
		assertThat(page.locator("#status")).hasText("已结算");
		assertThat(page.locator("#close")).hasCount(0);
		assertThat(standing).containsText("¥50.00");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/IncentivesBrowserTests-console-closed.png")).setFullPage(true));
		var earnings = Api.at(port).as(referrer.phone(), referrer.password()).get("/api/leader/earnings").json();
		org.assertj.core.api.Assertions.assertThat(earnings.get("balance").get("availableFen").asLong()).isEqualTo(10000 + 5000);
	}
}
