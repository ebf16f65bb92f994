package com.linli.payment.internal.simulated;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the simulated provider ({@code linli.payment.simulated.*}).
 * @param secret the HMAC key shared by the bank and the platform; unset (the default), each installation
 *     generates its own and keeps it in the database ({@link SimulatedSecret})
 * @param merchantName the merchant shown on the cashier page
 * @param retryDelays waits between notification attempts after a failure; after the last one the bank
 *     gives up and the platform's query API is the way to learn the outcome
 * @param duplicateNotifications send each notification twice, as real providers sometimes do
 * @param requestTimeout how long the bank waits for the platform to answer a notification
 */
@ConfigurationProperties("linli.payment.simulated")
record SimulatedProperties(String secret, @DefaultValue("邻里社区团购") String merchantName,
		@DefaultValue({ "2s", "10s", "30s", "2m", "10m" }) List<Duration> retryDelays,
		@DefaultValue("false") boolean duplicateNotifications, @DefaultValue("10s") Duration requestTimeout) {

	/** The secret this provider once shipped with: public, so refused outside development. */
	static final String DEV_SECRET = "linli-simulated-dev-secret";

	SimulatedProperties {
		if (secret != null && secret.length() < 16) {
			throw new IllegalArgumentException("linli.payment.simulated.secret must have at least 16 characters");
		}
		retryDelays = List.copyOf(retryDelays);
	}
}
