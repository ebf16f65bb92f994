package com.linli.identity;

import java.util.Optional;

/**
 * Which pickup point an account runs as its active leader: implemented by the module that keeps pickup
 * points (network), read when the web layer resolves an {@link Actor} for a leader.
 */
public interface LeaderPickupPoints {

	Optional<Long> pickupPointKeptBy(AccountId account);
}
