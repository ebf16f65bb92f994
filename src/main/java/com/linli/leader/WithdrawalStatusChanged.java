package com.linli.leader;

import java.time.Instant;

import com.linli.network.RegionId;
import com.linli.shared.Money;

/** A withdrawal moved: approved (its payout goes out), rejected, paid or failed. */
public record WithdrawalStatusChanged(WithdrawalId withdrawalId, LeaderId leaderId, RegionId regionId, Money amount,
		WithdrawalStatus from, WithdrawalStatus to, Instant at) {
}
