package com.linli.payment.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The payment providers this installation can talk to. New payments go to the one named by
 * {@code linli.payment.provider} (default {@code simulated}); an existing payment always goes back to
 * the provider it was created with.
 */
@Component
public class PaymentProviders {

	private final List<PaymentProvider> providers;

	private final String active;

	PaymentProviders(List<PaymentProvider> providers, @Value("${linli.payment.provider:simulated}") String active) {
		this.providers = List.copyOf(providers);
		this.active = active;
		if (named(active).isEmpty()) {
			throw new IllegalStateException("linli.payment.provider=" + active + " but the available providers are "
					+ providers.stream().map(PaymentProvider::name).toList());
		}
	}

	/** The provider for new payments. */
	public PaymentProvider active() {
		return named(active).orElseThrow();
	}

	public Optional<PaymentProvider> named(String name) {
		return providers.stream().filter(p -> p.name().equals(name)).findFirst();
	}

	/** The provider of an existing payment; fails loudly when the installation no longer has it. */
	public PaymentProvider of(String name) {
		return named(name).orElseThrow(
				() -> new IllegalStateException("payment provider '" + name + "' is not configured any more"));
	}
}
