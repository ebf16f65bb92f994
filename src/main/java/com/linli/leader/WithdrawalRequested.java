package com.linli.leader;

import java.time.Instant;

import com.linli.network.RegionId;
import com.linli.shared.Money;

/** A leader asked to withdraw available commission; the region's operators approve or reject it. */
public record WithdrawalRequested(WithdrawalId withdrawalId, LeaderId leaderId, RegionId regionId, Money amount,
		Instant at) {
}
