package com.linli.leader.internal.incentives;

import com.linli.leader.ReferralRules;
import com.linli.shared.Money;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The referral rules from the properties {@code linli.leader.referral.*}. */
@Configuration(proxyBeanMethods = false)
class IncentiveConfiguration {

	@Bean
	ReferralRules referralRules(@Value("${linli.leader.referral.reward-fen:10000}") long rewardFen,
			@Value("${linli.leader.referral.threshold-fen:300000}") long thresholdFen,
			@Value("${linli.leader.referral.threshold-days:30}") int thresholdDays,
			@Value("${linli.leader.referral.rate-bp:100}") int rateBp,
			@Value("${linli.leader.referral.commission-days:90}") int commissionDays) {
		if (rewardFen < 0 || thresholdFen < 0 || thresholdDays <= 0 || rateBp < 0 || rateBp > 5000
				|| commissionDays < 0) {
			throw new IllegalStateException("linli.leader.referral.*: reward, threshold and rate must not be negative "
					+ "(rate at most 5000 bp), threshold-days positive, commission-days not negative");
		}
		return new ReferralRules(Money.ofFen(rewardFen), Money.ofFen(thresholdFen), thresholdDays, rateBp,
				commissionDays);
	}
}
