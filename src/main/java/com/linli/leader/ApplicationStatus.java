package com.linli.leader;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a leader application stands: SUBMITTED waits in the operators' queue; MORE_INFO_REQUESTED waits for the
 * applicant's answer (which submits it again); APPROVED (the pickup point and the leader exist) and REJECTED are final.
 */
public enum ApplicationStatus {

	SUBMITTED, MORE_INFO_REQUESTED, APPROVED, REJECTED;

	/** The statuses this one may change to. */
	public Set<ApplicationStatus> next() {
		return switch (this) {
			case SUBMITTED -> EnumSet.of(MORE_INFO_REQUESTED, APPROVED, REJECTED);
			case MORE_INFO_REQUESTED -> EnumSet.of(SUBMITTED, REJECTED);
			case APPROVED, REJECTED -> EnumSet.noneOf(ApplicationStatus.class);
		};
	}

	public boolean canBecome(ApplicationStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public ApplicationStatus to(ApplicationStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-application-transition", "status",
					Text.of("leader.problem.recruitmentIllegalTransition", this, target));
		}
		return target;
	}

	/** Open: the phone may not apply again while it is. */
	public boolean open() {
		return this == SUBMITTED || this == MORE_INFO_REQUESTED;
	}
}
