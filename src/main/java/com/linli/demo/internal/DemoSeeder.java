package com.linli.demo.internal;

import java.util.Locale;
import java.util.Optional;

import com.linli.demo.CityGenerator;
import com.linli.demo.DemoLoader;
import com.linli.demo.DemoSettings;
import com.linli.network.NetworkManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start into an empty database (no region yet) generates the demo city and loads it,
 * then prints the demo logins; on later starts, when the demo is there, prints the logins again.
 * Runs after identity's admin bootstrap. {@code linli.demo.seed}: {@code true} (the default seed),
 * {@code false} (no demo: tests, production) or a number (that seed). A failed load keeps nothing
 * and does not stop the application.
 */
@Component
@Order(10)
class DemoSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	private final DemoLoader loader;

	private final NetworkManagement network;

	private final DemoBanner banner;

	private final Optional<DemoSettings> settings;

	DemoSeeder(DemoLoader loader, NetworkManagement network, DemoBanner banner,
			@Value("${linli.demo.seed:true}") String seed, @Value("${linli.demo.regions:1}") int regions,
			@Value("${linli.demo.communities:48}") int communities,
			@Value("${linli.demo.residents:2400}") int residents) {
		this.loader = loader;
		this.network = network;
		this.banner = banner;
		this.settings = settings(seed, regions, communities, residents);
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

	@Override
	public void run(ApplicationArguments args) {
		if (settings.isEmpty()) {
			return;
		}
		var demo = settings.get();
		if (!network.regions().isEmpty()) {
			banner.printLogins(demo);
			return;
		}
		log.info("Demo city: empty database, generating {} region(s), {} communities and {} residents each (seed {})",
				demo.regions(), demo.communitiesPerRegion(), demo.residentsPerRegion(), demo.seed());
		try {
			var plan = new CityGenerator().generate(demo);
			var loaded = loader.load(plan);
			log.info("Demo city: loaded in {} ms", loaded.took().toMillis());
			banner.printCity(plan, loaded);
		}
		catch (RuntimeException e) {
			// the load is one transaction: nothing was kept, the next start tries again
			log.error("Demo city could not be loaded, the database is unchanged (linli.demo.seed=false skips the demo)",
					e);
		}
	}
}
