package com.linli.shared;

import java.util.Optional;

/**
 * The region a merchant reference belongs to (e.g. {@code order:42}, an order's region), so that payment,
 * which may not depend on the modules that own the references, shows a payment only to staff of that region.
 * Implemented by ordering.
 */
public interface ReferenceRegions {

	/** The region of the thing the reference names; empty when this module does not own it or it does not exist. */
	Optional<Long> regionOf(String merchantReference);
}
