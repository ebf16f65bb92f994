package com.linli.marketing.internal.referrals;

import java.time.Instant;

import com.linli.identity.AccountId;
import com.linli.network.RegionId;

import org.springframework.stereotype.Component;

/** The door to {@link ReferralRewards}' postponed decisions for the module's root API. */
@Component
public class HeldReferrals {

	private final ReferralRewards rewards;

	HeldReferrals(ReferralRewards rewards) {
		this.rewards = rewards;
	}

	public int decide(AccountId account, RegionId region, Instant at) {
		return rewards.decideHeld(account, region, at);
	}
}
