package com.linli.supply;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a supplier's replenishment proposal stands: PROPOSED until an operator APPROVES it (a purchase order is
 * made) or REJECTS it with a reason, or the supplier WITHDRAWS it; the three outcomes are final.
 */
public enum VmiProposalStatus {

	PROPOSED, APPROVED, REJECTED, WITHDRAWN;

	/** The statuses this one may change to. */
	public Set<VmiProposalStatus> next() {
		return this == PROPOSED ? EnumSet.of(APPROVED, REJECTED, WITHDRAWN) : EnumSet.noneOf(VmiProposalStatus.class);
	}

	public boolean canBecome(VmiProposalStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public VmiProposalStatus to(VmiProposalStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("vmi-proposal-status", "status",
					Text.of("supply.vmi.problem.illegalTransition", this, target));
		}
		return target;
	}

	public boolean isOpen() {
		return this == PROPOSED;
	}
}
