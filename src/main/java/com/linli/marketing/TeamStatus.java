package com.linli.marketing;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a group-buy team (拼团) stands: OPEN takes members until its deadline; FILLED when its size of
 * members paid (or, if the operator allowed it, with fewer at the deadline); EXPIRED at the deadline
 * unfilled, every member's order then refunded. FILLED and EXPIRED are final.
 */
public enum TeamStatus {

	OPEN, FILLED, EXPIRED;

	/** The statuses this one may change to. */
	public Set<TeamStatus> next() {
		return switch (this) {
			case OPEN -> EnumSet.of(FILLED, EXPIRED);
			case FILLED, EXPIRED -> EnumSet.noneOf(TeamStatus.class);
		};
	}

	public boolean canBecome(TeamStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public TeamStatus to(TeamStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-team-transition", "status",
					Text.of("marketing.teams.problem.illegalTransition", this, target));
		}
		return target;
	}
}
