package com.linli.leader;

import java.time.Duration;
import java.util.Optional;

/**
 * What a penalty does, escalating: a WARNING the leader is told of (in force 14 days); a LOWER_BAND for 30 days
 * (accruals use the band table one level lower, or the region's configured reduction); a SUSPENSION (the leader
 * is suspended and their pickup point's residents moved), until revoked.
 */
public enum PenaltyKind {

	WARNING, LOWER_BAND, SUSPENSION;

	/** How long an active penalty of this kind lasts; empty: until revoked. */
	public Optional<Duration> lasts() {
		return switch (this) {
			case WARNING -> Optional.of(Duration.ofDays(14));
			case LOWER_BAND -> Optional.of(Duration.ofDays(30));
			case SUSPENSION -> Optional.empty();
		};
	}

	/** The next step up after this one. */
	public PenaltyKind escalated() {
		return this == WARNING ? LOWER_BAND : SUSPENSION;
	}
}
