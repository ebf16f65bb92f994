package com.linli.risk;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a risk case stands: OPEN (the subject's payouts and coupon use held), then CONFIRMED by an operator (kept
 * held, forfeited; the accounts may be blocked) or CLEARED (released). A decided case moves no more.
 */
public enum CaseStatus {

	OPEN, CONFIRMED, CLEARED;

	public Set<CaseStatus> next() {
		return this == OPEN ? EnumSet.of(CONFIRMED, CLEARED) : EnumSet.noneOf(CaseStatus.class);
	}

	public boolean canBecome(CaseStatus target) {
		return next().contains(target);
	}

	/** The target, if this status may change to it; otherwise a 409 naming both. */
	public CaseStatus to(CaseStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-risk-case-transition", "status",
					Text.of("risk.problem.illegalTransition", this, target));
		}
		return target;
	}

	/** Whether a case in this status holds its accounts' payouts and coupon use. */
	public boolean holds() {
		return this != CLEARED;
	}
}
