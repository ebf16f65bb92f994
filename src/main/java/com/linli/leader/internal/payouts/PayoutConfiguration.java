package com.linli.leader.internal.payouts;

import java.time.Duration;

import com.linli.leader.PayoutRules;
import com.linli.shared.Money;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The settlement window and withdrawal limits from the properties. */
@Configuration(proxyBeanMethods = false)
class PayoutConfiguration {

	@Bean
	PayoutRules payoutRules(@Value("${linli.leader.settlement.window:P7D}") Duration window,
			@Value("${linli.leader.withdrawal.minimum-fen:1000}") long minimumFen,
			@Value("${linli.leader.withdrawal.per-month:4}") int perMonth) {
		if (window.isNegative() || minimumFen <= 0 || perMonth <= 0) {
			throw new IllegalStateException("linli.leader.settlement.window must not be negative, "
					+ "linli.leader.withdrawal.minimum-fen and per-month must be positive");
		}
		return new PayoutRules(window, Money.ofFen(minimumFen), perMonth);
	}
}
