package com.linli.inventory;

import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a price suggestion stands: PROPOSED until the operator accepts or dismisses it, or a newer computation
 * (or the listing's cutoff) expires it. Accepted, dismissed and expired are final.
 */
public enum PriceSuggestionStatus {

	PROPOSED, ACCEPTED, DISMISSED, EXPIRED;

	public Set<PriceSuggestionStatus> next() {
		return this == PROPOSED ? Set.of(ACCEPTED, DISMISSED, EXPIRED) : Set.of();
	}

	/** The target, or a 409 naming both states. */
	public PriceSuggestionStatus becomes(PriceSuggestionStatus target) {
		if (!next().contains(target)) {
			throw new BusinessRuleException("illegal-transition",
					Text.of("inventory.pricing.problem.illegalTransition", this, target));
		}
		return target;
	}
}
