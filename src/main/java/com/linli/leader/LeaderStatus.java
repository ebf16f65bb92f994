package com.linli.leader;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a leader stands: ACTIVE runs the pickup point; SUSPENDED is paused (and still holds the
 * point) until reactivated or closed; CLOSED is final.
 */
public enum LeaderStatus {

	ACTIVE, SUSPENDED, CLOSED;

	/** The statuses this one may change to. */
	public Set<LeaderStatus> next() {
		return switch (this) {
			case ACTIVE -> EnumSet.of(SUSPENDED, CLOSED);
			case SUSPENDED -> EnumSet.of(ACTIVE, CLOSED);
			case CLOSED -> EnumSet.noneOf(LeaderStatus.class);
		};
	}

	public boolean canBecome(LeaderStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public LeaderStatus to(LeaderStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-leader-transition", "status",
					Text.of("leader.problem.illegalTransition", this, target));
		}
		return target;
	}

	/** Whether a leader in this status holds their pickup point (no one else may be appointed there). */
	public boolean holdsPickupPoint() {
		return this != CLOSED;
	}
}
