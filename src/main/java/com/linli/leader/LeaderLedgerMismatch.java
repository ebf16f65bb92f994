package com.linli.leader;

import java.time.Instant;

import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * The reconciliation found a leader whose balances do not add up: accrued − reversed − withdrawn (in flight and
 * paid, from the ledger and the withdrawals) differs from pending + available (the balance row), or the balance
 * row differs from what the entries and withdrawals say. An alert for the operators; nothing is corrected.
 */
public record LeaderLedgerMismatch(LeaderId leaderId, RegionId regionId, Money accrued, Money reversed,
		Money withdrawn, Money pending, Money available, String detail, Instant foundAt) {
}
