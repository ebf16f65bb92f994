package com.linli.leader;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a penalty stands: PROPOSED by the nightly rules (an operator confirms or revokes it), ACTIVE (in force until
 * it ends, or for a suspension until revoked), EXPIRED when its time ran out, REVOKED by an operator with a reason.
 */
public enum PenaltyStatus {

	PROPOSED, ACTIVE, EXPIRED, REVOKED;

	public Set<PenaltyStatus> next() {
		return switch (this) {
			case PROPOSED -> EnumSet.of(ACTIVE, REVOKED);
			case ACTIVE -> EnumSet.of(EXPIRED, REVOKED);
			case EXPIRED, REVOKED -> EnumSet.noneOf(PenaltyStatus.class);
		};
	}

	public boolean canBecome(PenaltyStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public PenaltyStatus to(PenaltyStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-penalty-transition", "status",
					Text.of("leader.problem.penaltiesIllegalTransition", this, target));
		}
		return target;
	}

	/** Still to be decided or in force: at most one such per leader, reason and kind. */
	public boolean isOpen() {
		return this == PROPOSED || this == ACTIVE;
	}
}
