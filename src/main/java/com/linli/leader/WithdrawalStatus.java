package com.linli.leader;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a withdrawal (提现) stands: REQUESTED by the leader (the amount left the available balance), APPROVED by
 * an operator (the payout is on its way), PAID; or REJECTED by the operator, or FAILED at the provider, both of
 * which give the amount back to the available balance.
 */
public enum WithdrawalStatus {

	REQUESTED, APPROVED, PAID, REJECTED, FAILED;

	/** The statuses this one may change to. */
	public Set<WithdrawalStatus> next() {
		return switch (this) {
			case REQUESTED -> EnumSet.of(APPROVED, REJECTED);
			case APPROVED -> EnumSet.of(PAID, FAILED);
			case PAID, REJECTED, FAILED -> EnumSet.noneOf(WithdrawalStatus.class);
		};
	}

	public boolean canBecome(WithdrawalStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public WithdrawalStatus to(WithdrawalStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-withdrawal-transition", "status",
					Text.of("leader.problem.payoutsIllegalTransition", this, target));
		}
		return target;
	}

	/** Whether the amount is out of the available balance: in flight (requested, approved) or paid. */
	public boolean holdsMoney() {
		return this == REQUESTED || this == APPROVED || this == PAID;
	}

	/** Whether the amount is on its way (requested or approved, not paid yet). */
	public boolean inFlight() {
		return this == REQUESTED || this == APPROVED;
	}

	/** The statuses that may move to {@code target}: the compare-and-set of a save. */
	public static Set<WithdrawalStatus> sourcesOf(WithdrawalStatus target) {
		var sources = EnumSet.noneOf(WithdrawalStatus.class);
		for (var s : values()) {
			if (s.canBecome(target)) {
				sources.add(s);
			}
		}
		return sources;
	}
}
