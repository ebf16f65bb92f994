package com.linli.network.internal;

import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.identity.LeaderPickupPoints;

import org.springframework.stereotype.Component;

/** The pickup point an account runs as its active leader, for the actor of a leader's request. */
@Component
class KeptPickupPointLookup implements LeaderPickupPoints {

	private final Keepers keepers;

	KeptPickupPointLookup(Keepers keepers) {
		this.keepers = keepers;
	}

	@Override
	public Optional<Long> pickupPointKeptBy(AccountId account) {
		return keepers.pointKeptBy(account).map(point -> point.value());
	}
}
