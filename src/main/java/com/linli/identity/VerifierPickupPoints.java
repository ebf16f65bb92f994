package com.linli.identity;

import java.util.Optional;

/**
 * Which pickup point a helper (核销员, {@link Role#VERIFIER}) verifies pickups at: implemented by the module that
 * keeps the helpers (leader), read when the web layer resolves an {@link Actor} and by the pickup screens. Empty
 * once the helper was removed or their leader no longer runs the point.
 */
public interface VerifierPickupPoints {

	Optional<Long> pickupPointVerifiedBy(AccountId account);
}
