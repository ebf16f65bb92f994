package com.linli.browser;

import java.nio.file.Path;
import java.time.Clock;

import com.linli.demo.CityGenerator;
import com.linli.demo.CityPlan;
import com.linli.demo.DemoLoader;
import com.linli.identity.Role;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The demo resident on their phone: the storefront of their pickup point, filled with tomorrow's listings. */
class DemoCityBrowserTests extends BrowserTest {

	@Autowired
	DemoLoader loader;

	@Autowired
	Clock clock;

	CityPlan plan;

	@BeforeEach
	void city() {
		plan = SmallDemoCity.loaded(loader, clock);
	}

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void theDemoResidentSeesTomorrowsListingsAtTheirPickupPoint() {
		signIn(plan.login(Role.RESIDENT).phone(), CityGenerator.DEMO_PASSWORD);
		page.navigate(url("/shop"));
		var region = plan.regions().get(0);
		assertThat(page.locator("body")).containsText(region.communities().get(0).pickupPoint().name());
		var first = region.listings().get(0);
		assertThat(page.locator("body")).containsText(plan.products().get(first.product()).name());
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/DemoCity-shop-top.png")));
	}
}
