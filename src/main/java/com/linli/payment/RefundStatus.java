package com.linli.payment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Where a refund stands: sent to the provider, money returned, or refused by the provider. */
public enum RefundStatus {

	PENDING, SUCCEEDED, FAILED;

	/** Only a pending refund moves, once, to an outcome. */
	public boolean canBecome(RefundStatus target) {
		return this == PENDING && target != PENDING;
	}

	/** Throws unless this status may move to {@code target}. */
	public void checkCanBecome(RefundStatus target) {
		if (!canBecome(target)) {
			throw new IllegalStateException("a refund cannot go from " + this + " to " + target);
		}
	}

	/** The statuses from which a refund may move to {@code target}: the guard of a conditional update. */
	public static Set<RefundStatus> sourcesOf(RefundStatus target) {
		var sources = EnumSet.noneOf(RefundStatus.class);
		Arrays.stream(values()).filter(s -> s.canBecome(target)).forEach(sources::add);
		return sources;
	}
}
