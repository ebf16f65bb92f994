package com.linli.demo.internal;

import com.linli.IntegrationTest;
import com.linli.demo.DemoSettings;
import com.linli.identity.Actor;
import com.linli.inventory.ForecastManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as a first start seeds it: a small city, a day of history, and then the operator's
 * forecasts are there at once, without anyone pressing "forecast now".
 */
@IntegrationTest
class DemoSeederIntegrationTests {

	@Autowired
	DemoSeeder seeder;

	@Autowired
	ForecastManagement forecasts;

	@Test
	void aDemoLoadedWithHistoryHasItsForecastsAlready() {
		long unique = System.nanoTime();
		var settings = new DemoSettings(20261206L, 1, 6, 60, "F" + (unique % 100_000),
				"137" + String.format("%06d", (unique / 11) % 1_000_000));

		var city = seeder.seed(settings, 2);

		var region = city.regions().get(0);
		var skus = forecasts.skus(region, Actor.system("test"));
		assertThat(skus).as("SKUs the demo's history sold").isNotEmpty();
		var forecast = forecasts.forecast(region, skus.get(0).skuId(), Actor.system("test"));
		assertThat(forecast.issuedOn()).as("forecast issued for the demo's best seller").isNotNull();
	}
}
