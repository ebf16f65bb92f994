package com.linli.fulfilment;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * A cutoff run is RUNNING until its sorting lists and demand are complete; a run that stopped half
 * way (a crash, a restart) stays RUNNING and resumes where it stopped when it is started again (no move
 * of its status). A COMPLETED run started again (to take in orders paid since) is RUNNING once more.
 */
public enum CutoffStatus {

	RUNNING, COMPLETED;

	/** The statuses this one may change to. */
	public Set<CutoffStatus> next() {
		return switch (this) {
			case RUNNING -> EnumSet.of(COMPLETED);
			case COMPLETED -> EnumSet.of(RUNNING);
		};
	}

	public boolean canBecome(CutoffStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public CutoffStatus to(CutoffStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-cutoff-transition", "status",
					Text.of("fulfilment.problem.illegalTransition", this, target));
		}
		return target;
	}
}
