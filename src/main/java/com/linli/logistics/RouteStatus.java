package com.linli.logistics;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a route of the morning stands (DESIGN.md section 4): PLANNED by the solver or the operator,
 * LOCKED when the operator fixes it (re-optimising leaves it alone; unlocking makes it PLANNED again),
 * DISPATCHED when its driver departs (only a locked route leaves: departure locks it first),
 * COMPLETED when every stop is handed over or skipped.
 */
public enum RouteStatus {

	PLANNED, LOCKED, DISPATCHED, COMPLETED;

	/** The statuses this one may change to. */
	public Set<RouteStatus> next() {
		return switch (this) {
			case PLANNED -> EnumSet.of(LOCKED);
			case LOCKED -> EnumSet.of(PLANNED, DISPATCHED);
			case DISPATCHED -> EnumSet.of(COMPLETED);
			case COMPLETED -> EnumSet.noneOf(RouteStatus.class);
		};
	}

	public boolean canBecome(RouteStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public RouteStatus to(RouteStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-route-transition", "status",
					Text.of("logistics.problem.illegalRouteTransition", this, target));
		}
		return target;
	}

	/** The operator may still change the route's stops. */
	public boolean editable() {
		return this == PLANNED;
	}
}
