package com.linli.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import java.util.regex.Pattern;

import com.linli.Api;
import com.linli.logistics.planning.PlanningCity;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** An operator plans a grid warehouse's morning from the console, moves a stop to another route and locks a route. */
class RoutePlanningBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Test
	void anOperatorPlansAMorningMovesAStopAndLocksARoute() {
		var city = new PlanningCity(context, port, 24, 5L);
		for (int i = 0; i < 4; i++) {
			// roomy compartments: any one stop fits any route, so moving the last stop of route 1 is never refused
			city.vehicle(city.grid, PlanningCity.plate(), 4, 40, 40, 1200, LocalTime.of(4, 30), LocalTime.of(10, 0));
		}
		String operatorPhone = Api.newPhone();
		var created = Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName",
				"调度小林", "password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds",
				new long[] { city.world.region.id().value() }));
		assertThat(created.status()).isEqualTo(201);
		signIn(operatorPhone, "secret123");

		page.navigate(url("/console/logistics/plans?runId=" + city.runId));
		assertThat(page.locator("a[href='/console/logistics/plans']").count()).as("the sidebar's link").isPositive();
		page.selectOption("#gridWarehouseId", String.valueOf(city.grid.id().value()));
		page.fill("#timeLimitSeconds", "3");
		page.click("#start-plan");
		assertThat(page).hasURL(Pattern.compile(".*/console/logistics/plans/\\d+$"));
		// while solving, the best cost so far is polled; the page reloads with the plan when it is ready
		assertThat(page.locator("#plan-chart")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
		page.waitForFunction("() => document.querySelector('#plan-chart canvas') !== null");
		assertThat(page.locator("#late-stops")).hasText("0");
		Locator routes = page.locator(".card.route");
		assertThat(routes.count()).isGreaterThanOrEqualTo(2);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/RoutePlanningBrowserTests-plan.png"))
			.setFullPage(true));

		// move the last stop of route 1 to the first place of route 2
		Locator first = routes.nth(0);
		Locator second = routes.nth(1);
		int firstStops = first.locator("table.stops tbody tr").count();
		int secondStops = second.locator("table.stops tbody tr").count();
		Locator moving = first.locator("table.stops tbody tr").last();
		String name = moving.locator("td b").first().textContent();
		String secondRouteId = second.locator("form.move-to select option[selected]").first().getAttribute("value");
		moving.locator("form.move-to select").selectOption(secondRouteId);
		moving.locator("form.move-to input[name=position]").fill("1");
		moving.locator("form.move-to button").click();
		page.waitForLoadState();
		assertThat(page.locator(".alert.ok")).isVisible();
		routes = page.locator(".card.route");
		assertThat(routes.nth(1).locator("table.stops tbody tr").first()).containsText(name);
		assertThat(routes.nth(1).locator("table.stops tbody tr")).hasCount(secondStops + 1);
		if (firstStops > 1) {
			assertThat(routes.nth(0).locator("table.stops tbody tr")).hasCount(firstStops - 1);
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/RoutePlanningBrowserTests-moved.png"))
			.setFullPage(true));

		// lock route 2: it shows locked and offers no more edits
		routes.nth(1).locator("button.lock").click();
		page.waitForLoadState();
		routes = page.locator(".card.route");
		assertThat(routes.nth(1).locator(".badge").first()).hasText("已锁定");
		assertThat(routes.nth(1).locator("form.move-to")).hasCount(0);
		assertThat(routes.nth(1).locator("button.unlock")).isVisible();
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/RoutePlanningBrowserTests-locked.png"))
			.setFullPage(true));
	}
}
