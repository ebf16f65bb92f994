package com.linli.marketing;

import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/** Whether a listing is on sale: an ACTIVE listing may be withdrawn; a withdrawn one stays withdrawn. */
public enum ListingStatus {

	ACTIVE, WITHDRAWN;

	/** The states this one may move to. */
	public Set<ListingStatus> next() {
		return switch (this) {
			case ACTIVE -> Set.of(WITHDRAWN);
			case WITHDRAWN -> Set.of();
		};
	}

	public boolean canBecome(ListingStatus target) {
		return next().contains(target);
	}

	/** Throws a 409 naming both states unless the move is allowed. */
	public ListingStatus becomes(ListingStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-transition",
					Text.of("marketing.problem.illegalTransition", this, target));
		}
		return target;
	}
}
