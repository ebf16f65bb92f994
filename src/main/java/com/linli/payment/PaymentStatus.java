package com.linli.payment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a payment stands: waiting for the money, paid, or closed unpaid. A closed payment may still
 * become {@code SUCCEEDED} when the provider reports money that arrived after the close (a late payment
 * is recorded as received so that it can be refunded); a succeeded payment never changes again.
 */
public enum PaymentStatus {

	PENDING, SUCCEEDED, CLOSED;

	/** Whether a payment in this status may move to {@code target}. */
	public boolean canBecome(PaymentStatus target) {
		return switch (this) {
			case PENDING -> target == SUCCEEDED || target == CLOSED;
			case CLOSED -> target == SUCCEEDED;
			case SUCCEEDED -> false;
		};
	}

	/** Throws unless this status may move to {@code target}. */
	public void checkCanBecome(PaymentStatus target) {
		if (!canBecome(target)) {
			throw new IllegalStateException("a payment cannot go from " + this + " to " + target);
		}
	}

	/** The statuses from which a payment may move to {@code target}: the guard of a conditional update. */
	public static Set<PaymentStatus> sourcesOf(PaymentStatus target) {
		var sources = EnumSet.noneOf(PaymentStatus.class);
		Arrays.stream(values()).filter(s -> s.canBecome(target)).forEach(sources::add);
		return sources;
	}
}
