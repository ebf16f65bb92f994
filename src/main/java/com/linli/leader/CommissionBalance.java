package com.linli.leader;

import com.linli.shared.Money;

/**
 * A leader's money: commission still inside the after-sales window (pending), commission that may be withdrawn
 * (available), withdrawals on their way (in flight: requested or approved) and paid out. Always
 * {@code accrued − reversed − inFlight − paid = pending + available}. {@code available} is negative only when a
 * refund reversed commission that was withdrawn already (the leader then owes it back from later earnings).
 */
public record CommissionBalance(LeaderId leaderId, Money pending, Money available, Money inFlight, Money paid) {

	/** Withdrawn: in flight and paid. */
	public Money withdrawn() {
		return inFlight.plus(paid);
	}
}
