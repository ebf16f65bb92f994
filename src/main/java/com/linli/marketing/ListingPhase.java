package com.linli.marketing;

/**
 * Where a listing stands at a moment, derived from its status and window: not yet open, open for
 * orders, past its cutoff, or withdrawn.
 */
public enum ListingPhase {

	UPCOMING, OPEN, CLOSED, WITHDRAWN
}
