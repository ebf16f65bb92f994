package com.linli.aftersales;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a complaint stands: OPEN until an operator first answers (RESPONDED), RESOLVED when the operator
 * says it is settled, CLOSED once the resident rates their satisfaction (1–5). ESCALATED: a clock (first
 * response or resolution) ran out and a supervisor has it; it goes on to RESPONDED or RESOLVED from there.
 */
public enum ComplaintStatus {

	OPEN, RESPONDED, ESCALATED, RESOLVED, CLOSED;

	/** The statuses this one may change to. */
	public Set<ComplaintStatus> next() {
		return switch (this) {
			case OPEN -> EnumSet.of(RESPONDED, ESCALATED, RESOLVED);
			case RESPONDED -> EnumSet.of(ESCALATED, RESOLVED);
			case ESCALATED -> EnumSet.of(RESPONDED, RESOLVED);
			case RESOLVED -> EnumSet.of(CLOSED);
			case CLOSED -> EnumSet.noneOf(ComplaintStatus.class);
		};
	}

	public boolean canBecome(ComplaintStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public ComplaintStatus to(ComplaintStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-complaint-transition", "status",
					Text.of("aftersales.problem.illegalComplaintTransition", this, target));
		}
		return target;
	}
}
