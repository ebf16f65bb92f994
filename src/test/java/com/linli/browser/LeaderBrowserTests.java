package com.linli.browser;

import java.nio.file.Path;
import java.util.Map;

import com.linli.Api;
import com.linli.network.NetworkFixtures;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class LeaderBrowserTests extends BrowserTest {

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
			assertThat(mobile.locator(".lw-stat").first()).containsText("3");
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
