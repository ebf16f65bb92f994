package com.linli.browser;

import java.nio.file.Path;
import java.util.Map;

import com.linli.Api;
import com.linli.network.NetworkFixtures;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class LeaderBrowserTests extends BrowserTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.ApplicationContext context;

	@org.springframework.beans.factory.annotation.Autowired
	com.linli.ordering.FulfilmentOrders fulfilment;

	@Test
	void theWorkbenchShowsTodaysFigures() {
		var world = new com.linli.ordering.OrderingFixtures(context, port);
		var pickups = new com.linli.ordering.PickupFixtures(world, fulfilment, port);
		var apples = world.listing("红富士苹果", "19.90", 200, 5);
		var leader = pickups.leader(world.pickupPoint);
		// two orders arrived; one of them picked up today; a third cut off and still to be received
		var collected = pickups.paidOrder(world.resident(), apples, 1);
		pickups.paidOrder(world.resident(), apples, 2);
		pickups.receive(world.pickupPoint);
		pickups.paidOrder(world.resident(), apples, 3);
		fulfilment.confirmForCutoff(world.region.id(), world.pickupDate);
		org.assertj.core.api.Assertions.assertThat(leader.api().post("/api/leader/pickups", Map.of("pickupCode", collected.get("pickupCode").asText()))
			.status()).isEqualTo(200);

		page.close();
		var phone = browser.newContext(phone());
		try {
			var mobile = phone.newPage();
			mobile.navigate(url("/login"));
			mobile.fill("#phone", leader.phone());
			mobile.fill("#password", leader.password());
			mobile.click("button[type=submit]");
			assertThat(mobile).hasURL(java.util.regex.Pattern.compile(".*/leader$"));
			assertThat(mobile.locator("#today-to-receive b")).hasText("1");
			assertThat(mobile.locator("#today-to-hand-out b")).hasText("1");
			assertThat(mobile.locator("#today-picked-up b")).hasText("1");
			// commission accrues after the pickup, a moment later: 19.90 at 8%
			long deadline = System.currentTimeMillis() + 15_000;
			while (!mobile.locator("#today-commission b").innerText().contains("1.59")
					&& System.currentTimeMillis() < deadline) {
				mobile.waitForTimeout(300);
				mobile.reload();
			}
			assertThat(mobile.locator("#today-commission b")).containsText("1.59");
			assertThat(mobile.locator("#today-to-hand-out")).hasAttribute("href", "/leader/pickup");
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/LeaderBrowserTests-workbench-today.png")).setFullPage(true));
		}
		finally {
			phone.close();
			page = null;
		}
	}

	@Test
	void operatorAppointsALeaderWhoSeesTheirPickupPointOnThePhone() {
		var admin = Api.at(port).asAdmin();
		var network = new NetworkFixtures(admin).network();
		String point = admin.get("/api/network/pickup-points/" + network.pickupPointId()).json().get("name").asText();
		for (int i = 0; i < 3; i++) {
			Api.at(port).newResident().put("/api/me/pickup-point", Map.of("pickupPointId", network.pickupPointId()));
		}
		String leaderPhone = Api.newPhone();

		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url("/console/leaders/new"));
		htmxReady();
		htmxSwap(() -> page.selectOption("#regionId", String.valueOf(network.regionId())));
		assertThat(page.locator("#pickupPointId")).isEnabled();
		page.selectOption("#pickupPointId", String.valueOf(network.pickupPointId()));
		page.fill("#phone", leaderPhone);
		page.fill("#name", "刘姐");
		page.fill("#password", "12");
		page.click("button[type=submit]");
		assertThat(page.locator("#password ~ .field-error")).isVisible();
		page.fill("#password", "leader123");
		page.click("button[type=submit]");
		assertThat(page.locator(".alert.ok")).containsText("刘姐");
		var row = page.locator("#results tr", new Page.LocatorOptions().setHasText(leaderPhone));
		assertThat(row).containsText(point);
		assertThat(row).containsText("在岗");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/LeaderBrowserTests-console.png"))
			.setFullPage(true));

		var phone = browser.newContext(phone());
		try {
			var mobile = phone.newPage();
			mobile.navigate(url("/login"));
			mobile.fill("#phone", leaderPhone);
			mobile.fill("#password", "leader123");
			mobile.click("button[type=submit]");
			assertThat(mobile).hasURL(java.util.regex.Pattern.compile(".*/leader$"));
			assertThat(mobile.locator(".lw-point")).containsText(point);
			assertThat(mobile.locator(".lw-point")).containsText("08:00 – 21:30");
			assertThat(mobile.locator("div.lw-stat").first()).containsText("3");
			assertThat(mobile.locator(".tabbar a")).hasCount(5);
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/LeaderBrowserTests-workbench.png")).setFullPage(true));
			mobile.click(".lw-profile");
			assertThat(mobile.locator(".lw-facts").first()).containsText(point);
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/LeaderBrowserTests-profile.png")).setFullPage(true));
		}
		finally {
			phone.close();
		}
	}
}
