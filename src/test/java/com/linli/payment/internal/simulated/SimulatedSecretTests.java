package com.linli.payment.internal.simulated;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An installation never signs payments with a secret that anyone can read in the source. */
class SimulatedSecretTests {

	@Test
	void aKnownDevelopmentSecretRefusesToStartOutsideTheDemoAndTestProfiles() {
		for (String known : new String[] { "linli-simulated-dev-secret", "at-least-16-characters" }) {
			assertThatThrownBy(() -> SimulatedSecret.checkNotPublic(known, new String[0]))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("linli.payment.simulated.secret")
				.hasMessageContaining("public");
			assertThatThrownBy(() -> SimulatedSecret.checkNotPublic(known, new String[] { "prod" }))
				.isInstanceOf(IllegalStateException.class);
		}
	}

	@Test
	void theDemoAndTestProfilesMayUseTheDevelopmentSecret() {
		assertThatCode(() -> SimulatedSecret.checkNotPublic("linli-simulated-dev-secret", new String[] { "test" }))
			.doesNotThrowAnyException();
		assertThatCode(() -> SimulatedSecret.checkNotPublic("linli-simulated-dev-secret", new String[] { "demo" }))
			.doesNotThrowAnyException();
	}

	@Test
	void aSecretOfTheInstallationsOwnIsAccepted() {
		assertThatCode(() -> SimulatedSecret.checkNotPublic("k8s-vault-3f9c1e7a5b2d4f60", new String[0]))
			.doesNotThrowAnyException();
	}

	@Test
	void theApplicationRefusesToStartWithTheDevelopmentSecretConfigured() {
		var properties = new SimulatedProperties("linli-simulated-dev-secret", "邻里社区团购", java.util.List.of(), false,
				java.time.Duration.ofSeconds(10));
		var environment = new org.springframework.mock.env.MockEnvironment();
		assertThatThrownBy(() -> new SimulatedSecret(properties, environment, null, null))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("linli.payment.simulated.secret");
	}
}
