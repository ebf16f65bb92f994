package com.linli.aftersales;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where an after-sales request stands. SUBMITTED waits for a decision (a quick refund is decided at once);
 * INFO_REQUESTED waits for the resident's answer, which submits it again; APPROVED waits for the money (refund
 * only: at once) or for the leader to collect the goods (return, exchange); REFUNDED, EXCHANGED (the replacement
 * is in the next delivery), REJECTED and WITHDRAWN (by the resident) are final.
 */
public enum RequestStatus {

	SUBMITTED, INFO_REQUESTED, APPROVED, REFUNDED, EXCHANGED, REJECTED, WITHDRAWN;

	/** The statuses this one may change to. */
	public Set<RequestStatus> next() {
		return switch (this) {
			case SUBMITTED -> EnumSet.of(INFO_REQUESTED, APPROVED, REJECTED, WITHDRAWN);
			case INFO_REQUESTED -> EnumSet.of(SUBMITTED, REJECTED, WITHDRAWN);
			case APPROVED -> EnumSet.of(REFUNDED, EXCHANGED);
			case REFUNDED, EXCHANGED, REJECTED, WITHDRAWN -> EnumSet.noneOf(RequestStatus.class);
		};
	}

	public boolean canBecome(RequestStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public RequestStatus to(RequestStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-request-transition", "status",
					Text.of("aftersales.problem.illegalRequestTransition", this, target));
		}
		return target;
	}

	/** Whether the request still holds its units (a second request for them is refused). */
	public boolean holdsUnits() {
		return this != REJECTED && this != WITHDRAWN;
	}

	/** Final: nothing more happens to it. */
	public boolean isFinal() {
		return next().isEmpty();
	}
}
