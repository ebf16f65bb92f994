package com.linli.browser;

import java.nio.file.Path;
import java.time.Clock;

import com.linli.demo.CityGenerator;
import com.linli.demo.DaySimulator;
import com.linli.demo.DemoLoader;
import com.linli.identity.Role;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** On a phone, a resident of a city with history: today's best sellers on top, yesterday's orders collected. */
class DemoHistoryShopBrowserTests extends BrowserTest {

	@Autowired
	DemoLoader loader;

	@Autowired
	DaySimulator simulator;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	HistoryCity.Simulated city;

	@BeforeEach
	void city() {
		city = HistoryCity.simulated(loader, simulator, clock);
	}

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void theStorefrontOpensWithTodaysBestSellers() {
		Assumptions.assumeTrue(city.sellingNow(), "tomorrow's sale is simulated between 10:30 and 22:30 only");
		signIn(city.plan().login(Role.RESIDENT).phone(), CityGenerator.DEMO_PASSWORD);
		page.navigate(url("/shop"));
		var hot = page.locator(".strip.hot");
		assertThat(hot).isVisible();
		assertThat(hot.locator("a").first()).isVisible();
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/DemoHistory-shop-top.png")));
	}

	@Test
	void aResidentWhoCollectedYesterdaySeesTheOrderDone() {
		var collected = jdbc.sql("""
				select recipient_phone, order_no from ordering.orders
				 where region_id = ? and pickup_date = ? and status = 'PICKED_UP' order by id limit 1""")
			.params(city.region().value(), city.yesterday().pickupDate())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		signIn(collected[0], CityGenerator.DEMO_PASSWORD);
		page.navigate(url("/shop/orders"));
		var order = page.locator("body");
		assertThat(order).containsText(collected[1]);
		assertThat(order).containsText("已完成");
	}
}
