package com.linli.browser;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.demo.CityGenerator;
import com.linli.demo.DaySimulator;
import com.linli.demo.DemoLoader;
import com.linli.identity.Role;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
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
		// today's sale, whatever the hour of the run
		city.enterSellingHours(clock);
	}

	@AfterEach
	void backToTheTimeOfTheRun() {
		city.leave(clock);
	}

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void theStorefrontOpensWithTodaysBestSellers() {
		String phone = city.plan().login(Role.RESIDENT).phone();
		// how many the simulated residents bought so far depends on the hour; the resident buys 3 of the
		// listing that sold least (ties: the first listed) so the strip surely holds it
		var least = jdbc.sql("""
				select l.id, l.sold, p.name from marketing.listing l
				  join catalog.sku s on s.id = l.sku_id join catalog.product p on p.id = s.product_id
				 where l.region_id = ? and l.pickup_date = ? and l.status = 'ACTIVE' and l.stock_cap - l.sold >= 3
				   and l.per_resident_limit >= 3
				   and not exists (select 1 from ordering.order_line ol join ordering.orders o on o.id = ol.order_id
				                    where ol.listing_id = l.id and o.recipient_phone = ?)
				 order by l.sold, l.id limit 1""")
			.params(city.region().value(), city.tomorrow(), phone)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getInt(2), rs.getString(3) }).single();
		var resident = Api.at(port).as(phone, CityGenerator.DEMO_PASSWORD);
		var placed = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", least[0], "quantity", 3))),
				Map.of("Idempotency-Key", "hot-" + System.nanoTime()));
		Assertions.assertEquals(201, placed.status(), placed::toString);

		signIn(phone, CityGenerator.DEMO_PASSWORD);
		page.navigate(url("/shop"));
		var hot = page.locator(".strip.hot");
		assertThat(hot).isVisible();
		assertThat(hot.locator("a").first()).isVisible();
		if ((int) least[1] == 0) {
			// it had sold nothing before; now it has sold 3, so it stands in the strip unless 8 sold more
			long better = jdbc.sql("""
					select count(*) from marketing.listing where region_id = ? and pickup_date = ?
					   and status = 'ACTIVE' and sold > 3""")
				.params(city.region().value(), city.tomorrow()).query(Long.class).single();
			if (better < 8) {
				assertThat(hot).containsText((String) least[2]);
			}
		}
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
