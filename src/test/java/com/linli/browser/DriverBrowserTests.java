package com.linli.browser;

import java.util.List;
import java.util.regex.Pattern;

import com.linli.logistics.driving.DrivingFixtures;
import com.microsoft.playwright.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A driver on a phone-sized page completes a stop: signs in (landing on their routes), opens the morning's route,
 * departs, arrives at the first stop and hands it over; the leader's receipt page then says who handed over when.
 */
class DriverBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	JdbcClient jdbc;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void aDriverCompletesAStopOnThePhone() throws Exception {
		var f = new DrivingFixtures(beans, port);
		List<Long> stops = f.stopIds(beans);

		signIn(f.driverPhone, "secret123");
		assertThat(page).hasURL(Pattern.compile(".*/driver$"));
		page.navigate(url("/driver?date=" + f.world.pickupDate));
		page.locator(".drv-card").first().click();
		page.waitForLoadState();
		htmxReady();
		assertThat(page.locator("#route-status")).hasText("待出发");
		assertThat(page.locator(".drv-stop")).hasCount(3);
		assertThat(page.locator("#stop-1")).hasClass(Pattern.compile("next"));
		assertThat(page.locator("#route-chart canvas")).hasCount(1);
		page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
			.setPath(java.nio.file.Path.of("target/screenshots/DriverBrowserTests-before.png")).setFullPage(true));

		htmxSwap(() -> page.click("#depart"));
		assertThat(page.locator("#route-status")).hasText("在途");
		htmxSwap(() -> page.locator("#stop-1 button.arrive").click());
		assertThat(page.locator("#stop-1 .stop-status")).hasText("已到达");
		htmxSwap(() -> page.locator("#stop-1 button.handover").click());
		assertThat(page.locator("#stop-1 .stop-status")).hasText("已交接");
		assertThat(page.locator("#stop-2")).hasClass(Pattern.compile("next"));
		assertThat(jdbc.sql("select status from logistics.route_stop where id = ?").param(stops.get(0))
			.query(String.class).single()).isEqualTo("HANDED_OVER");
		page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
			.setPath(java.nio.file.Path.of("target/screenshots/DriverBrowserTests-handed-over.png")).setFullPage(true));

		// the leader of the first stop sees the hand-over on the receipt page
		page.navigate(url("/logout"));
		context.clearCookies();
		signIn(f.leaderPhones.get(0), "leader123");
		page.navigate(url("/leader/receipt?date=" + f.world.pickupDate));
		assertThat(page.locator("#handover")).containsText("已于");
		assertThat(page.locator("#handover")).containsText("交接，请清点确认");

		// the operator's tracking board (desktop): the route on its way, 1/3 done, the late stop in the alerts
		String phone = com.linli.Api.newPhone();
		var created = com.linli.Api.at(port).asAdmin().post("/api/admin/accounts", java.util.Map.of("phone", phone,
				"displayName", "调度员", "password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds",
				new long[] { f.world.region.id().value() }));
		assertThat(created.status()).isEqualTo(201);
		var desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 850).setLocale("zh-CN"));
		var console = desk.newPage();
		console.navigate(url("/login"));
		console.fill("#phone", phone);
		console.fill("#password", "secret123");
		console.click("button[type=submit]");
		console.waitForLoadState();
		console.navigate(url("/console/logistics/tracking?date=" + f.world.pickupDate));
		var route = console.locator("#route-" + f.routeId);
		assertThat(route.locator(".route-status")).hasText("在途");
		assertThat(route).containsText("已完成 1/3 站");
		assertThat(console.locator("#alerts")).containsText("晚于时段截止");
		assertThat(console.locator("#board")).hasAttribute("hx-trigger", "every 30s");
		console.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
			.setPath(java.nio.file.Path.of("target/screenshots/DriverBrowserTests-tracking.png")).setFullPage(true));
		desk.close();
	}
}
