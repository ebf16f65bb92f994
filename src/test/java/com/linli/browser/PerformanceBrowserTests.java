package com.linli.browser;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The console's leader ranking and monthly review, and the leader's own performance dashboard on the phone. */
class PerformanceBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	@Test
	void anOperatorRanksTheLeadersAndALeaderSeesTheirDashboard() {
		var world = new OrderingFixtures(beans, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var second = world.anotherPickupPoint();
		var one = pickups.leader(world.pickupPoint);
		var two = pickups.leader(second);
		var apples = world.listing("红富士苹果", "12.50", 200, 10);
		var buyer = world.resident();
		var collected = pickups.paidOrder(buyer, apples, 4);
		pickups.paidOrder(world.resident(), apples, 1);
		pickups.paidOrder(world.resident(second), apples, 2);
		cutoffOrders.confirmForCutoff(world.region.id(), world.pickupDate);
		deliveryOrders.receive(world.pickupPoint.id(), world.pickupDate, Map.of(), null);
		deliveryOrders.receive(second.id(), world.pickupDate, Map.of(), null);
		var ready = OrderingFixtures.awaitStatus(buyer, collected.get("id").asLong(), "READY_FOR_PICKUP");
		org.assertj.core.api.Assertions.assertThat(one.api().post("/api/leader/pickups",
				Map.of("pickupCode", ready.get("pickupCode").asText())).status()).isEqualTo(200);
		Deadline deadline = Deadline.inMillis(15_000);
		while (jdbc.sql("select count(*) from leader.commission_entry where leader_id = ?").params(one.leaderId())
			.query(Long.class).single() == 0 && !deadline.passed()) {
			page.waitForTimeout(100);
		}
		// the day's orders are today's, so that the leader's dashboard shows them by state
		LocalDate today = LocalDate.now(clock.withZone(world.region.zone()));
		jdbc.sql("update ordering.orders set pickup_date = ? where region_id = ? and pickup_date = ?")
			.params(today, world.region.id().value(), world.pickupDate).update();

		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url("/console/leaders/performance?regionId=" + world.region.id().value() + "&period=day&date=" + today));
		assertThat(page.locator("#ranking tbody tr")).hasCount(2);
		// 4 × 12.50 + 12.50 = 62.50 at the first point, 25.00 at the second
		assertThat(page.locator("#leader-" + one.leaderId() + " td.rank")).hasText("1");
		assertThat(page.locator("#leader-" + one.leaderId())).containsText("¥62.50");
		assertThat(page.locator("#leader-" + two.leaderId() + " td.rank")).hasText("2");
		assertThat(page.locator("#chart-ranking canvas")).hasCount(1);
		page.click("#sort-complaint_rate");
		assertThat(page.locator("#sort-complaint_rate")).hasClass(java.util.regex.Pattern.compile(".*active.*"));
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/PerformanceBrowserTests-console-ranking.png")).setFullPage(true));
		page.click("#leader-" + one.leaderId() + " a:has-text('月度复盘')");
		assertThat(page.locator("#review")).isVisible();
		assertThat(page.locator("#line-sales")).containsText("¥62.50");
		assertThat(page.locator("#chart-trend canvas")).hasCount(1);
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/PerformanceBrowserTests-console-review.png")).setFullPage(true));

		// the leaders to call: record a competitor signal about the first leader (15 points, no history to fall from)
		page.navigate(url("/console/leaders/churn-risk?regionId=" + world.region.id().value()));
		assertThat(page.locator("#risks tbody tr")).hasCount(2);
		page.fill("#risk-" + one.leaderId() + " input[name=note]", "竞品平台在小区群招募团长");
		page.click("#risk-" + one.leaderId() + " button[type=submit]");
		assertThat(page.locator(".alert.ok")).isVisible();
		assertThat(page.locator("#risk-" + one.leaderId() + " .badge")).hasText("15");
		assertThat(page.locator("#risk-" + one.leaderId())).containsText("1");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/PerformanceBrowserTests-console-churn.png")).setFullPage(true));

		var phone = browser.newContext(phone());
		try {
			var mobile = phone.newPage();
			mobile.navigate(url("/login"));
			mobile.fill("#phone", one.phone());
			mobile.fill("#password", one.password());
			mobile.click("button[type=submit]");
			assertThat(mobile).hasURL(java.util.regex.Pattern.compile(".*/leader$"));
			assertThat(mobile.locator("#today-rank b")).hasText("1/2");
			mobile.click("#today-rank");
			assertThat(mobile).hasURL(java.util.regex.Pattern.compile(".*/leader/performance$"));
			assertThat(mobile.locator("#status-PICKED_UP b")).hasText("1");
			assertThat(mobile.locator("#status-READY_FOR_PICKUP b")).hasText("1");
			assertThat(mobile.locator("#month-rank b")).hasText("1 / 2");
			assertThat(mobile.locator("#earned-today b")).hasText("¥4.00"); // 8% of 50.00
			assertThat(mobile.locator("#chart-days canvas")).hasCount(1);
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/PerformanceBrowserTests-leader-dashboard.png")).setFullPage(true));
		}
		finally {
			phone.close();
		}
	}
}
