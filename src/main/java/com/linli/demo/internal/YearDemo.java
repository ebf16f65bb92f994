package com.linli.demo.internal;

import com.linli.analytics.NightlyAnalytics;
import com.linli.demo.DemoSettings;
import com.linli.demo.YearOfCity;
import com.linli.demo.YearOfCity.YearSettings;
import com.linli.identity.Actor;
import com.linli.risk.RiskManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo's year of history (issue 16): a second region, 杭州市（YEAR）, with {@code linli.demo.year-residents}
 * residents (default 3,000; 0 for none) at one pickup point per hundred, and a year of orders ending yesterday,
 * bulk-loaded by {@link YearOfCity} with its seasonality and the planted fraud ring, so that the dashboard,
 * RFM, cohorts and risk pages have a year to show: the import publishes no events, so the analytics read models are
 * rebuilt for the year, the residents scored and the risk rules run over the region. Its operator signs in as
 * {@code 13700000001}. A failure is logged; the rest of the demo works without it.
 */
@Component
public class YearDemo {

	private static final Logger log = LoggerFactory.getLogger(YearDemo.class);

	private final YearOfCity year;

	private final NightlyAnalytics analytics;

	private final RiskManagement risk;

	private final int residents;

	YearDemo(YearOfCity year, NightlyAnalytics analytics, RiskManagement risk,
			@Value("${linli.demo.year-residents:3000}") int residents) {
		this.year = year;
		this.analytics = analytics;
		this.risk = risk;
		this.residents = residents;
	}

	public void seed(DemoSettings demo) {
		if (residents <= 0) {
			return;
		}
		var full = YearSettings.fullYear();
		// another seed than the demo city's: its residents' phones must not be the same
		var settings = new YearSettings(demo.seed() + 1, Math.max(10, Math.min(DemoSettings.MAX_COMMUNITIES, residents / 100)),
				residents, full.days(), 1.0, full.tag(), full.loginPhonePrefix(), true);
		try {
			var loaded = year.load(settings);
			log.info("Demo city: a year of history in {} ({} to {}, {} orders, {} lines) in {} s; its operator signs in "
					+ "as {}", loaded.region().name(), loaded.firstDay(), loaded.lastDay(), loaded.orders(), loaded.lines(),
					loaded.took().toSeconds(), settings.loginPhonePrefix() + "01");
			var region = loaded.region().id();
			long rows = analytics.rebuildFacts(region, loaded.firstDay(), loaded.lastDay());
			int scored = analytics.scoreResidents(region, loaded.lastDay());
			var found = risk.evaluate(Actor.system("demo"), region.value());
			log.info("Demo city: the year's analytics rebuilt ({} rows), {} residents scored, risk rules: {} flags, {} cases "
					+ "opened", rows, scored, found.flags(), found.casesOpened());
		}
		catch (RuntimeException e) {
			log.error("Demo city: the year of history could not be loaded (linli.demo.year-residents=0 skips it)", e);
		}
	}
}
