package com.linli.payment.internal.simulated;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HMAC key shared by the simulated bank and the platform. A configured
 * {@code linli.payment.simulated.secret} is used as given, except a secret published in Linli's own
 * source, which would let anyone sign "paid" notifications: outside the {@code demo} and {@code test}
 * profiles the application then refuses to start. Unconfigured, each installation generates its own
 * random secret at its first start and keeps it in {@code payment.provider_secret}, where every node
 * reads the same one.
 */
@Component
@ConditionalOnSimulatedProvider
class SimulatedSecret {

	private static final Logger log = LoggerFactory.getLogger(SimulatedSecret.class);

	/** Secrets anyone can read in Linli's source or documentation. */
	static final Set<String> PUBLIC_SECRETS = Set.of(SimulatedProperties.DEV_SECRET, "at-least-16-characters");

	/** The profiles in which a public secret is tolerated: nothing of value is at stake there. */
	static final Set<String> DEVELOPMENT_PROFILES = Set.of("demo", "test");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String value;

	SimulatedSecret(SimulatedProperties properties, Environment environment, JdbcClient jdbc, Clock clock) {
		if (properties.secret() != null) {
			checkNotPublic(properties.secret(), environment.getActiveProfiles());
			this.value = properties.secret();
		}
		else {
			this.value = stored(jdbc, clock);
		}
	}

	/** The key to sign and verify notifications with. */
	String value() {
		return value;
	}

	/**
	 * Fails when {@code secret} is one of the public ones and none of the active profiles is a
	 * development profile.
	 */
	static void checkNotPublic(String secret, String[] activeProfiles) {
		if (!PUBLIC_SECRETS.contains(secret)) {
			return;
		}
		if (Arrays.stream(activeProfiles).anyMatch(DEVELOPMENT_PROFILES::contains)) {
			log.warn("The simulated payment provider signs with a public development secret (profile {})",
					String.join(",", activeProfiles));
			return;
		}
		throw new IllegalStateException("linli.payment.simulated.secret is set to a development secret that is public "
				+ "(it is in Linli's source): anyone could sign payment notifications with it. Remove the setting, and "
				+ "the installation generates a random secret of its own and keeps it in the database, or set a "
				+ "secret of at least 16 characters that only this installation knows. A public secret is accepted "
				+ "only in the demo and test profiles.");
	}

	/** The installation's generated secret: made once, by whichever node starts first. */
	private static String stored(JdbcClient jdbc, Clock clock) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		int created = jdbc.sql("""
				insert into payment.provider_secret (provider, secret, created_at) values (?, ?, ?)
				on conflict (provider) do nothing""")
			.params(SimulatedPaymentProvider.NAME, HexFormat.of().formatHex(bytes), Timestamp.from(clock.instant()))
			.update();
		if (created == 1) {
			log.info("Generated this installation's secret for the simulated payment provider (payment.provider_secret)");
		}
		return jdbc.sql("select secret from payment.provider_secret where provider = ?")
			.param(SimulatedPaymentProvider.NAME)
			.query(String.class)
			.single();
	}
}
