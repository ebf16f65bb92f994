package com.linli.browser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import com.linli.demo.CityGenerator;
import com.linli.demo.CityPlan;
import com.linli.demo.DayRates;
import com.linli.demo.DaySettings;
import com.linli.demo.DaySimulator;
import com.linli.demo.DemoLoader;
import com.linli.demo.DemoSettings;
import com.linli.demo.SimulatedDay;
import com.linli.identity.Role;
import com.linli.network.RegionId;
import com.linli.shared.PlatformClock;

/**
 * One small demo city with history for the browser tests of this JVM: yesterday's pickup day simulated
 * in full, and tomorrow's listings selling since 12:00 today with the orders residents placed until 15:00.
 * The sale is simulated at those hours whatever the time of the run (the platform clock is moved there
 * and back), and a test that shows it enters them with {@link Simulated#enterSellingHours}.
 */
final class HistoryCity {

	/** Today's sale is simulated until this hour. */
	static final LocalTime SELLING_AT = LocalTime.of(15, 0);

	record Simulated(CityPlan plan, RegionId region, SimulatedDay yesterday, LocalDate tomorrow, Duration toSellingHours) {

		/** Moves the platform clock to today's sale (from 15:00 on, at the real pace); {@link #leave} comes back. */
		void enterSellingHours(Clock clock) {
			var platformClock = (PlatformClock) clock;
			platformClock.reset();
			platformClock.travelTo(platformClock.instant().plus(toSellingHours));
		}

		void leave(Clock clock) {
			((PlatformClock) clock).reset();
		}
	}

	private static Simulated city;

	private HistoryCity() {
	}

	static synchronized Simulated simulated(DemoLoader loader, DaySimulator simulator, Clock clock) {
		if (city == null) {
			long unique = System.nanoTime();
			// a fixed seed: the same residents make the same choices every run; code and phones stay unique
			long seed = 20261124L;
			var plan = new CityGenerator().generate(new DemoSettings(seed, 1, 4, 80, "H" + (unique % 100_000),
					"135" + String.format("%06d", (unique / 17) % 1_000_000)));
			ZoneId zone = plan.regions().get(0).zone();
			Instant now = clock.instant();
			LocalDate today = LocalDate.ofInstant(now, zone);
			var platformClock = (PlatformClock) clock;
			platformClock.travelTo(today.minusDays(2).atTime(8, 0).atZone(zone).toInstant());
			RegionId region;
			try {
				region = loader.load(plan).regions().get(0);
			}
			finally {
				platformClock.reset();
			}
			// one in five walks away from the cashier and three in ten do not come for their goods, so yesterday
			// surely has cancelled and waiting orders beside the collected ones
			var settings = DaySettings.of(seed, plan.login(Role.OPERATOR).phone(), CityGenerator.DEMO_PASSWORD)
				.withShopperShare(0.5)
				.withRates(new DayRates(0.2, 0.05, 0.03, 0.7, 0.1));
			var yesterday = simulator.simulate(region, today.minusDays(1), settings);
			// today's session for tomorrow: opened at 12:00, residents ordered until 15:00, whatever the hour now
			Instant selling = today.atTime(SELLING_AT).atZone(zone).toInstant();
			Duration toSellingHours = Duration.between(clock.instant(), selling);
			platformClock.travelTo(selling);
			try {
				simulator.listingsFor(region, today.plusDays(1), selling.minus(Duration.ofHours(3)));
				simulator.simulate(region, today.plusDays(1), settings.until(clock.instant()));
			}
			finally {
				platformClock.reset();
			}
			city = new Simulated(plan, region, yesterday, today.plusDays(1), toSellingHours);
		}
		return city;
	}
}
