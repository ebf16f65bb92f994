package com.linli.browser;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import com.linli.Api;
import com.linli.catalog.Sku;
import com.linli.inventory.internal.forecast.ForecastJob;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.Region;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The operator opens the forecasts, runs the job from the button and reads chart, accuracy and caps. */
class ForecastBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	ForecastJob job;

	@Autowired
	Clock clock;

	static final long[] WEEK = { 12, 10, 11, 10, 20, 14, 0 };

	@Test
	void theOperatorForecastsARegionAndSeesActualAgainstForecastAccuracyAndCaps() {
		var fixtures = new MarketingFixtures(beans);
		Region region = fixtures.region();
		var category = fixtures.category("蔬菜" + MarketingFixtures.next(), 1);
		Sku greens = fixtures.sku(category, "上海青", "500g/袋");
		Sku eggs = fixtures.sku(category, "土鸡蛋", "10枚/盒");
		Api admin = Api.at(port).asAdmin();
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		java.util.Random random = new java.util.Random(7);
		for (LocalDate d = today.minusDays(62); !d.isAfter(today); d = d.plusDays(1)) {
			long base = WEEK[d.getDayOfWeek().getValue() - 1];
			if (base > 0) {
				put(admin, region, greens, d, base + random.nextInt(5));
				put(admin, region, eggs, d, base / 2 + random.nextInt(3));
			}
			if (d.equals(today.minusDays(21)) || d.equals(today.minusDays(14)) || d.equals(today.minusDays(7))) {
				job.forecastAsOf(region.id(), d);
			}
		}

		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url("/console/forecasts?regionId=" + region.id() + "&lang=en"));
		htmxReady();
		page.click("#forecast-job button[type=submit]");
		// the progress polls every second until the run is done
		assertThat(page.locator("#forecast-job .muted")).containsText("Last run",
				new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
		// the button forecasts the region on screen, not every region of the platform
		assertThat(page.locator("#forecast-job .muted")).containsText(", 1 region(s),");
		// the console home shows the accuracy of the last week's forecasts beside seasonal-naive
		page.navigate(url("/console"));
		assertThat(page.locator("body")).containsText("Forecast accuracy, last 7 days");
		page.navigate(url("/console/forecasts?regionId=" + region.id() + "&skuId=" + greens.id()));
		assertThat(page.locator("#forecast-chart canvas")).isVisible();
		assertThat(page.locator("#accuracy-chart canvas")).isVisible();
		assertThat(page.locator(".accuracy-summary")).containsText("Linli");
		assertThat(page.locator("table.forecast-caps tbody tr")).hasCount(2);
		assertThat(page.locator("table.forecast-caps")).containsText("上海青");
		page.waitForTimeout(300);
	}

	static void put(Api admin, Region region, Sku sku, LocalDate date, long units) {
		var body = new HashMap<String, Object>(Map.of("regionId", region.id().value(), "skuId", sku.id().value(), "date",
				date.toString(), "units", units));
		var r = admin.put("/api/forecasts/demand", body);
		if (r.status() != 200) {
			throw new IllegalStateException(r.toString());
		}
	}
}
