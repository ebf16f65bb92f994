package com.linli.leader;

import java.time.Instant;

/** A penalty moved (PROPOSED to ACTIVE, ACTIVE to EXPIRED, ...); {@code from} is null for one just created. */
public record PenaltyStatusChanged(PenaltyId penaltyId, LeaderId leaderId, PenaltyKind kind, PenaltyStatus from,
		PenaltyStatus to, Instant at) {
}
