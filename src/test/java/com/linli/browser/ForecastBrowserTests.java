package com.linli.browser;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.catalog.Sku;
import com.linli.inventory.internal.forecast.ForecastJob;
import com.linli.inventory.internal.forecast.PointDemands;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.PickupPoint;
import com.linli.network.Region;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The operator opens the forecasts, runs the job from the button and reads chart (with the quantile band), the
 * forecast per pickup point, the accuracy beside every baseline, and caps.
 */
class ForecastBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	ForecastJob job;

	@Autowired
	Clock clock;

	@Autowired
	PointDemands points;

	static final long[] WEEK = { 12, 10, 11, 10, 20, 14, 0 };

	@Test
	void theOperatorForecastsARegionAndSeesActualAgainstForecastAccuracyAndCaps() {
		var fixtures = new MarketingFixtures(beans);
		Region region = fixtures.region();
		var category = fixtures.category("蔬菜" + MarketingFixtures.next(), 1);
		Sku greens = fixtures.sku(category, "上海青", "500g/袋");
		Sku eggs = fixtures.sku(category, "土鸡蛋", "10枚/盒");
		// the greens sell at two pickup points, two thirds at the first
		PickupPoint east = fixtures.pickupPoint(region, "东苑" + MarketingFixtures.next(), 30.28, 120.13);
		PickupPoint west = fixtures.pickupPoint(region, "西苑" + MarketingFixtures.next(), 30.29, 120.14);
		List<PointDemands.Row> perPoint = new ArrayList<>();
		Api admin = Api.at(port).asAdmin();
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		java.util.Random random = new java.util.Random(7);
		for (LocalDate d = today.minusDays(62); !d.isAfter(today); d = d.plusDays(1)) {
			long base = WEEK[d.getDayOfWeek().getValue() - 1];
			if (base > 0) {
				long units = base + random.nextInt(5);
				put(admin, region, greens, d, units);
				put(admin, region, eggs, d, base / 2 + random.nextInt(3));
				perPoint.add(new PointDemands.Row(east.id(), greens.id(), d, units * 2 / 3, false));
				perPoint.add(new PointDemands.Row(west.id(), greens.id(), d, units - units * 2 / 3, false));
			}
			if (d.equals(today.minusDays(21)) || d.equals(today.minusDays(14)) || d.equals(today.minusDays(7))) {
				points.record(region.id(), perPoint, clock.instant());
				perPoint.clear();
				job.forecastAsOf(region.id(), d);
			}
		}
		points.record(region.id(), perPoint, clock.instant());

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
		// the days ahead as a band from the median to the 0.95 quantile, with the 0.8 quantile's line
		assertThat(page.locator(".forecast-band")).containsText("0.95 quantile");
		page.waitForFunction("() => document.getElementById('forecast-chart').dataset.rendered === 'true'");
		@SuppressWarnings("unchecked")
		List<String> series = (List<String>) page.evaluate(
				"() => echarts.getInstanceByDom(document.getElementById('forecast-chart')).getOption().legend[0].data");
		org.assertj.core.api.Assertions.assertThat(series).contains("Band, median to 0.95 quantile", "0.8 quantile",
				"Linli forecast", "Actual");
		// each pickup point's share of the greens, the two adding up to the region
		assertThat(page.locator("table.forecast-points tbody tr")).hasCount(2);
		assertThat(page.locator("table.forecast-points")).containsText(east.name());
		assertThat(page.locator("table.forecast-points")).containsText(west.name());
		// Linli's accuracy beside every baseline, over the last week and four weeks
		assertThat(page.locator("table.forecast-methods tbody tr")).hasCount(4);
		assertThat(page.locator("table.forecast-methods tr.linli")).containsText("Linli");
		assertThat(page.locator("table.forecast-methods")).containsText("Seasonal naive");
		assertThat(page.locator("table.forecast-methods")).containsText("28-day mean");
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
