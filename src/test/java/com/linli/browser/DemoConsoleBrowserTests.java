package com.linli.browser;

import java.nio.file.Path;
import java.time.Clock;

import com.linli.Api;
import com.linli.demo.CityGenerator;
import com.linli.demo.CityPlan;
import com.linli.demo.DemoLoader;
import com.linli.identity.Role;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The demo operator at the console: the demo region's pickup points and tomorrow's listings are there. */
class DemoConsoleBrowserTests extends BrowserTest {

	@Autowired
	DemoLoader loader;

	@Autowired
	Clock clock;

	CityPlan plan;

	@BeforeEach
	void city() {
		plan = SmallDemoCity.loaded(loader, clock);
	}

	private long regionId() {
		return Api.at(port).as(plan.login(Role.OPERATOR).phone(), CityGenerator.DEMO_PASSWORD).get("/api/me").json()
			.get("regionIds").get(0).asLong();
	}

	@Test
	void theDemoOperatorFindsTheRegionsPickupPointsAndListings() {
		signIn(plan.login(Role.OPERATOR).phone(), CityGenerator.DEMO_PASSWORD);
		var region = plan.regions().get(0);
		page.navigate(url("/console/pickup-points"));
		for (var community : region.communities()) {
			assertThat(page.locator("body")).containsText(community.pickupPoint().name());
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/DemoConsole-pickup-points.png")));

		// newest first: the last listing the demo published leads the region's list (every pickup date: between
		// 23:00 and midnight the demo's listings are for the day after tomorrow, not the page's default tomorrow)
		page.navigate(url("/console/listings?pickupDate=&regionId=" + regionId()));
		var last = region.listings().get(region.listings().size() - 1);
		var product = plan.products().get(last.product());
		assertThat(page.locator("table.list tbody tr").first()).containsText(product.name());
		assertThat(page.locator("table.list tbody tr").first()).containsText(product.skus().get(last.sku()).spec());
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/DemoConsole-listings.png")));
	}
}
