package com.linli.browser;

import java.time.Clock;

import com.linli.demo.CityGenerator;
import com.linli.demo.DaySimulator;
import com.linli.demo.DemoLoader;
import com.linli.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The operator of a city with history finds yesterday's orders, collected, waiting, cancelled. */
class DemoHistoryBrowserTests extends BrowserTest {

	@Autowired
	DemoLoader loader;

	@Autowired
	DaySimulator simulator;

	@Autowired
	Clock clock;

	HistoryCity.Simulated city;

	@BeforeEach
	void city() {
		city = HistoryCity.simulated(loader, simulator, clock);
	}

	@Test
	void theOperatorSeesYesterdaysOrdersInEveryState() {
		signIn(city.plan().login(Role.OPERATOR).phone(), CityGenerator.DEMO_PASSWORD);
		var yesterday = city.yesterday();
		page.navigate(url("/console/orders?regionId=" + city.region().value() + "&pickupDate=" + yesterday.pickupDate()));
		var rows = page.locator("#orders tbody tr");
		assertThat(rows.first()).isVisible();
		assertThat(page.locator("#orders")).containsText("已完成");
		assertThat(page.locator("#orders")).containsText("已取消");
		assertThat(page.locator("#orders")).containsText(yesterday.pickupDate().toString());

		page.navigate(url("/console/orders?regionId=" + city.region().value() + "&pickupDate=" + yesterday.pickupDate()
				+ "&status=READY_FOR_PICKUP"));
		assertThat(page.locator("#orders tbody tr").first()).containsText("待取货");
	}
}
