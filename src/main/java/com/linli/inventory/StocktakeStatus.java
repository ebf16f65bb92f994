package com.linli.inventory;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/** Where a stocktake stands: OPEN while staff count, CLOSED (final) once its variances are booked. */
public enum StocktakeStatus {

	OPEN, CLOSED;

	/** The statuses this one may change to. */
	public Set<StocktakeStatus> next() {
		return switch (this) {
			case OPEN -> EnumSet.of(CLOSED);
			case CLOSED -> EnumSet.noneOf(StocktakeStatus.class);
		};
	}

	public boolean canBecome(StocktakeStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public StocktakeStatus to(StocktakeStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-stocktake-transition", "status",
					Text.of("inventory.problem.illegalStocktakeTransition", this, target));
		}
		return target;
	}
}
