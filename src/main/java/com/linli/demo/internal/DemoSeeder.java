package com.linli.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import com.linli.demo.CityGenerator;
import com.linli.demo.CityPlan;
import com.linli.demo.DaySettings;
import com.linli.demo.DaySimulator;
import com.linli.demo.DemoLoader;
import com.linli.demo.DemoSettings;
import com.linli.demo.ListingWindow;
import com.linli.demo.LoadedCity;
import com.linli.demo.SimulatedDay;
import com.linli.inventory.ForecastManagement;
import com.linli.network.RegionManagement;
import com.linli.shared.JobLock;
import com.linli.shared.PlatformClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start into an empty database (no region yet) generates the demo city and loads it,
 * replays a few days of history, then prints the demo logins; on later starts, when the demo is
 * there, prints the logins again. Runs after identity's admin bootstrap. {@code linli.demo.seed}:
 * {@code true} (the default seed), {@code false} (no demo: tests, production) or a number (that seed).
 * <p>
 * History ({@code linli.demo.history-days}, default 2, 0 for none): the city is loaded with the
 * platform clock set to the morning before the first of those days, then the {@link DaySimulator}
 * replays the pickup days up to yesterday in full, and today and tomorrow's sale up to this moment
 * (today's goods arrived and partly collected, tomorrow's listings selling since 10:00), the clock
 * travelled to each simulated instant; the clock is reset before tomorrow's listings are made sure of
 * and the banner prints, and the demand forecasts are made from the history at once (the nightly job,
 * {@code linli.inventory.forecast.schedule}, keeps them fresh). The logins print before the replay already: whoever signs in meanwhile sees
 * the simulated time. A failed load keeps nothing and does not stop the application; a failure
 * during the history keeps the days simulated so far and the demo opens anyway.
 */
@Component
@Order(10)
class DemoSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	/**
	 * The share of residents who order on a day of the demo's history: lower than a busy real day
	 * ({@link DaySettings#DEFAULT_SHOPPER_SHARE}) so that the first start stays within about 40 seconds
	 * on two cores; {@code linli.demo.shopper-share} sets it.
	 */
	static final double DEFAULT_SHOPPER_SHARE = 0.12;

	/** The city is loaded at this time of day before the first day of history. */
	static final LocalTime LOAD_AT = LocalTime.of(8, 0);

	private final DemoLoader loader;

	private final DaySimulator simulator;

	private final RegionManagement network;

	private final DemoBanner banner;

	private final ForecastManagement forecasts;

	private final EventBacklog backlog;

	private final Clock clock;

	private final Optional<DemoSettings> settings;

	private final int historyDays;

	private final double shopperShare;

	private final PromotionsDemo promotions;

	private final AfterSalesDemos afterSales;

	private final LeaderDemos leaders;

	private final FleetDemo fleet;

	private final PricingDemo pricing;

	private final VmiDemo vmi;

	private final YearDemo yearDemo;

	private final RfmDemo rfmDemo;

	private final RiskDemo riskDemo;

	private final EconomicsDemo economics;

	private final TrackingDemo tracking;

	private final DataSource dataSource;

	DemoSeeder(DataSource dataSource, DemoLoader loader, DaySimulator simulator, RegionManagement network, DemoBanner banner,
			ForecastManagement forecasts, EventBacklog backlog, Clock clock, PromotionsDemo promotions,
			AfterSalesDemos afterSales, LeaderDemos leaders, FleetDemo fleet, PricingDemo pricing, VmiDemo vmi, RfmDemo rfmDemo,
			RiskDemo riskDemo, YearDemo yearDemo, EconomicsDemo economics, TrackingDemo tracking,
			@Value("${linli.demo.seed:true}") String seed, @Value("${linli.demo.regions:1}") int regions,
			@Value("${linli.demo.communities:48}") int communities,
			@Value("${linli.demo.residents:2400}") int residents,
			@Value("${linli.demo.history-days:2}") int historyDays,
			@Value("${linli.demo.shopper-share:" + DEFAULT_SHOPPER_SHARE + "}") double shopperShare) {
		this.loader = loader;
		this.promotions = promotions;
		this.afterSales = afterSales;
		this.leaders = leaders;
		this.fleet = fleet;
		this.pricing = pricing;
		this.vmi = vmi;
		this.rfmDemo = rfmDemo;
		this.riskDemo = riskDemo;
		this.yearDemo = yearDemo;
		this.economics = economics;
		this.tracking = tracking;
		this.dataSource = dataSource;
		this.simulator = simulator;
		this.network = network;
		this.banner = banner;
		this.forecasts = forecasts;
		this.backlog = backlog;
		this.clock = clock;
		this.settings = settings(seed, regions, communities, residents);
		this.historyDays = historyDays(historyDays);
		this.shopperShare = shopperShare(shopperShare);
	}

	/** The settings from the {@code linli.demo.*} properties; empty when the demo is switched off. */
	static Optional<DemoSettings> settings(String seed, int regions, int communities, int residents) {
		String value = seed == null ? "" : seed.trim().toLowerCase(Locale.ROOT);
		long number;
		if (value.equals("false")) {
			return Optional.empty();
		}
		else if (value.equals("true") || value.isEmpty()) {
			number = DemoSettings.DEFAULT_SEED;
		}
		else {
			try {
				number = Long.parseLong(value);
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException(
						"linli.demo.seed must be true, false or a number (the seed), not '" + seed + "'");
			}
		}
		return Optional.of(DemoSettings.defaults().withSeed(number).withRegions(regions).withCommunities(communities)
			.withResidents(residents));
	}

	static int historyDays(int days) {
		if (days < 0 || days > DaySimulator.MAX_DAYS_BACK) {
			throw new IllegalArgumentException("linli.demo.history-days must be 0 to " + DaySimulator.MAX_DAYS_BACK
					+ ", not " + days);
		}
		return days;
	}

	static double shopperShare(double share) {
		if (!(share > 0 && share <= DaySettings.MAX_SHOPPER_SHARE)) {
			throw new IllegalArgumentException("linli.demo.shopper-share must be above 0 and at most "
					+ DaySettings.MAX_SHOPPER_SHARE + ", not " + share);
		}
		return share;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (settings.isEmpty()) {
			return;
		}
		var demo = settings.get();
		// nodes started together on one database: one seeds, the others find the lock taken and leave it
		var lock = JobLock.tryAcquire(dataSource, "demo-seed");
		if (lock.isEmpty()) {
			log.info("Demo city: another node is seeding this database");
			return;
		}
		try (var held = lock.get()) {
			if (!network.regions().isEmpty()) {
				banner.printLogins(demo);
				return;
			}
			seed(demo, historyDays);
			yearDemo.seed(demo);
		}
	}

	/**
	 * Generates the demo city of {@code demo}, loads it, replays {@code historyDays} days of history and
	 * prints the banner; the city loaded, or null when the load failed (and left nothing).
	 */
	LoadedCity seed(DemoSettings demo, int historyDays) {
		log.info("Demo city: empty database, generating {} region(s), {} communities and {} residents each (seed {}), "
				+ "{} day(s) of history", demo.regions(), demo.communitiesPerRegion(), demo.residentsPerRegion(),
				demo.seed(), historyDays);
		long started = System.nanoTime();
		var plan = new CityGenerator().generate(demo);
		if (historyDays > 0 && !(clock instanceof PlatformClock)) {
			log.warn("Demo city: no history, the clock of this application ({}) cannot travel", clock);
			historyDays = 0;
		}
		LoadedCity loaded;
		Instant now = clock.instant();
		try {
			loaded = historyDays == 0 ? loader.load(plan) : loadBeforeHistory(plan, now, historyDays);
			log.info("Demo city: loaded in {} ms", loaded.took().toMillis());
		}
		catch (RuntimeException e) {
			// the load is one transaction: nothing was kept, the next start tries again
			log.error("Demo city could not be loaded, the database is unchanged (linli.demo.seed=false skips the demo)",
					e);
			return null;
		}
		if (historyDays > 0) {
			// the logins work now; the history below takes a while longer
			banner.printLogins(demo);
			log.info("Demo city: simulating {} day(s) of order history; you can sign in meanwhile, pages show the "
					+ "simulated day until the demo is ready", historyDays);
		}
		// the grid warehouses' vans and trucks with their drivers, before the simulated mornings plan routes
		fleet.seed(loaded, demo, LocalDate.ofInstant(now, plan.regions().get(0).zone()));
		List<SimulatedDay> history = historyDays == 0 ? List.of() : replayHistory(plan, loaded, now, historyDays);
		var tomorrow = historyDays == 0 ? loaded : listTomorrow(plan, loaded);
		promotions.seed(tomorrow);
		afterSales.seed(tomorrow, history);
		leaders.seed(tomorrow, demo);
		tracking.seed(tomorrow, demo.seed());
		rfmDemo.seed(tomorrow);
		riskDemo.seed(tomorrow);
		if (historyDays > 0) {
			forecast(loaded);
			forecastDecisions(tomorrow, demo);
			economics.seed(loaded.regions()); // issue 16 ops: this month's budget from the history's pace
		}
		log.info("Demo city: ready in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
		banner.printCity(plan, tomorrow, history);
		return tomorrow;
	}

	/**
	 * The operator's demand forecasts from the history just replayed, as the nightly job would make
	 * them: the demand of the last cutoffs is recorded by a listener, so its backlog drains first.
	 */
	private void forecast(LoadedCity loaded) {
		try {
			backlog.drain(0);
			if (!forecasts.runJob(Set.copyOf(loaded.regions()))) {
				log.info("Demo city: a forecast run is already at work; it forecasts the demo too");
			}
		}
		catch (RuntimeException e) {
			log.error("Demo city: forecasting from its history failed; the nightly run (or 'forecast now') makes them", e);
		}
	}

	/**
	 * What the forecasts feed, once they are there: price suggestions against a few competitor prices and an
	 * overstocked batch, and a VMI supplier with an open replenishment proposal. A failure is logged; the city
	 * works without them.
	 */
	private void forecastDecisions(LoadedCity city, DemoSettings demo) {
		try {
			pricing.seed(city);
		}
		catch (RuntimeException e) {
			log.error("Demo city: price suggestions could not be seeded", e);
		}
		try {
			vmi.seed(demo);
		}
		catch (RuntimeException e) {
			log.error("Demo city: the VMI supplier could not be seeded", e);
		}
	}

	/** The city as it was the morning before the first day of history; its listings are that day's. */
	private LoadedCity loadBeforeHistory(CityPlan plan, Instant now, int historyDays) {
		ZoneId zone = plan.regions().get(0).zone();
		LocalDate first = LocalDate.ofInstant(now, zone).minusDays(historyDays);
		var platformClock = (PlatformClock) clock;
		platformClock.travelTo(first.minusDays(1).atTime(LOAD_AT).atZone(zone).toInstant());
		try {
			return loader.load(plan);
		}
		finally {
			platformClock.reset();
		}
	}

	/** Every pickup day from the first of history to tomorrow, as far as it has happened by {@code now}. */
	private List<SimulatedDay> replayHistory(CityPlan plan, LoadedCity loaded, Instant now, int historyDays) {
		var days = new ArrayList<SimulatedDay>();
		var daySettings = DaySettings.of(plan.settings().seed(), plan.settings().loginPhone(1), CityGenerator.DEMO_PASSWORD)
			.withShopperShare(shopperShare)
			.until(now);
		try {
			for (int r = 0; r < loaded.regions().size(); r++) {
				LocalDate today = LocalDate.ofInstant(now, plan.regions().get(r).zone());
				days.addAll(simulator.simulate(loaded.regions().get(r), today.minusDays(historyDays), today.plusDays(1),
						daySettings));
			}
		}
		catch (RuntimeException e) {
			log.error("Demo city: replaying its history failed; the days simulated so far stay and the demo opens", e);
		}
		return days;
	}

	/** Tomorrow's listings (opening at 10:00, or now), copied from the latest day's when history did not list them. */
	private LoadedCity listTomorrow(CityPlan plan, LoadedCity loaded) {
		int listed = 0;
		LocalDate pickupDate = null;
		for (int r = 0; r < loaded.regions().size(); r++) {
			var window = ListingWindow.next(plan.regions().get(r).zone(), clock.instant());
			listed += simulator.listingsFor(loaded.regions().get(r), window.pickupDate(), window.opensAt()).size();
			pickupDate = pickupDate == null ? window.pickupDate() : pickupDate;
		}
		return new LoadedCity(loaded.regions(), loaded.firstPickupPoint(), loaded.pickupPoints(), loaded.residents(),
				loaded.skus(), listed, pickupDate, loaded.took());
	}
}
