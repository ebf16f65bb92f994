package com.linli.leader;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.linli.shared.Money;

/**
 * A leader's reconciliation statement of a month (团长对账单): every ledger entry of the month (accruals, reversals,
 * handling fees and any other kind, listed generically by kind), the withdrawals requested in it, and the balances at
 * its start and end. It ties out: {@code opening.ledger() + Σ entries = closing.ledger()}, and at both ends
 * {@code ledger = pending + available + withdrawn} (withdrawn: in flight and paid).
 *
 * @param totals the entries' amounts by kind, every kind that occurs
 * @param complete whether the month is over (the current month's statement runs to {@code generatedAt})
 */
public record LeaderStatement(Leader leader, String pickupPointName, YearMonth month, Balances opening,
		Balances closing, List<CommissionEntry> entries, Map<CommissionEntryKind, Money> totals,
		List<Withdrawal> withdrawals, Money withdrawalsRequested, Money withdrawalsPaid, Money withdrawalsReturned,
		boolean complete, Instant generatedAt) {

	/** The balances at one moment: the ledger's balance and how it splits. */
	public record Balances(Money ledger, Money pending, Money available, Money withdrawn) {

		public boolean tiesOut() {
			return ledger.equals(pending.plus(available).plus(withdrawn));
		}
	}

	/** The sum of the month's entries. */
	public Money net() {
		return entries.stream().map(CommissionEntry::amount).reduce(Money.ZERO, Money::plus);
	}

	/** Whether the statement adds up: opening plus the month's entries is closing, and both ends split exactly. */
	public boolean tiesOut() {
		return opening.ledger().plus(net()).equals(closing.ledger()) && opening.tiesOut() && closing.tiesOut();
	}
}
