package com.linli.browser;

import java.time.Clock;
import java.time.ZoneId;

import com.linli.demo.CityGenerator;
import com.linli.demo.CityPlan;
import com.linli.demo.DemoLoader;
import com.linli.demo.DemoSettings;
import com.linli.demo.ListingWindow;

/** One small demo city for the browser tests of this JVM, loaded on first use under its own tag and logins. */
final class SmallDemoCity {

	private static CityPlan plan;

	private SmallDemoCity() {
	}

	static synchronized CityPlan loaded(DemoLoader loader, Clock clock) {
		if (plan == null) {
			long unique = System.nanoTime();
			var city = new CityGenerator().generate(new DemoSettings(unique, 1, 6, 40, "B" + (unique % 100_000),
					"135" + String.format("%06d", (unique / 11) % 1_000_000)));
			var now = clock.instant();
			// open at once, not at 10:00, so that the storefront shows them whatever the hour of the run
			loader.load(city, new ListingWindow(ListingWindow.next(ZoneId.of("Asia/Shanghai"), now).pickupDate(), now));
			plan = city;
		}
		return plan;
	}
}
