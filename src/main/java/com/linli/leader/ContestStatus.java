package com.linli.leader;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/** Where a monthly contest stands: OPEN (standings move with the month's figures), CLOSED (winners fixed and paid). */
public enum ContestStatus {

	OPEN, CLOSED;

	public Set<ContestStatus> next() {
		return this == OPEN ? EnumSet.of(CLOSED) : EnumSet.noneOf(ContestStatus.class);
	}

	public boolean canBecome(ContestStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise 409 {@code contest-closed}. */
	public ContestStatus to(ContestStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("contest-closed", "status",
					Text.of("leader.problem.incentivesContestClosed", this, target));
		}
		return target;
	}
}
