package com.linli.logistics;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a stop of a route stands (DESIGN.md section 4): PENDING until the driver arrives (ARRIVED),
 * HANDED_OVER when the leader has the crates, SKIPPED with a reason (not reachable, nobody there).
 */
public enum StopStatus {

	PENDING, ARRIVED, HANDED_OVER, SKIPPED;

	/** The statuses this one may change to. */
	public Set<StopStatus> next() {
		return switch (this) {
			case PENDING -> EnumSet.of(ARRIVED, SKIPPED);
			case ARRIVED -> EnumSet.of(HANDED_OVER, SKIPPED);
			case HANDED_OVER, SKIPPED -> EnumSet.noneOf(StopStatus.class);
		};
	}

	public boolean canBecome(StopStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public StopStatus to(StopStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-stop-transition", "status",
					Text.of("logistics.problem.illegalStopTransition", this, target));
		}
		return target;
	}

	/** The driver is done with the stop. */
	public boolean done() {
		return this == HANDED_OVER || this == SKIPPED;
	}
}
