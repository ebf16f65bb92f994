package com.linli.marketing;

import java.time.Clock;
import java.util.Collection;

import com.linli.identity.AccountId;
import com.linli.marketing.internal.referrals.HeldReferrals;
import com.linli.network.RegionId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral rewards that a risk hold postponed, decided once the hold is lifted (issue 16): risk control calls it when
 * an operator clears a case. Each referral is decided by the usual anti-abuse rules, once (the same conditional
 * writes as at payment), so a call repeated changes nothing.
 */
@Service
public class ReferralReleases {

	private final HeldReferrals held;

	private final Clock clock;

	ReferralReleases(HeldReferrals held, Clock clock) {
		this.held = held;
		this.clock = clock;
	}

	/** Decides the pending referrals of the accounts whose invitee already paid; answers how many were decided. */
	@Transactional
	public int release(Collection<AccountId> accounts, RegionId region) {
		int decided = 0;
		for (AccountId account : accounts) {
			decided += held.decide(account, region, clock.instant());
		}
		return decided;
	}
}
