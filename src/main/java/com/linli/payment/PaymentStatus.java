package com.linli.payment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a payment stands: waiting for the money, paid, or closed unpaid. A closed payment may still
 * become {@code SUCCEEDED} when the provider reports money that arrived after the close (a late payment
 * is recorded as received so that it can be refunded); a succeeded payment never changes again.
 */
public enum PaymentStatus {

	PENDING, SUCCEEDED, CLOSED;

	/** The statuses this one may change to. */
	public Set<PaymentStatus> next() {
		return switch (this) {
			case PENDING -> EnumSet.of(SUCCEEDED, CLOSED);
			case CLOSED -> EnumSet.of(SUCCEEDED);
			case SUCCEEDED -> EnumSet.noneOf(PaymentStatus.class);
		};
	}

	/** Whether a payment in this status may move to {@code target}. */
	public boolean canBecome(PaymentStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public PaymentStatus to(PaymentStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-payment-transition", "status",
					Text.of("payment.problem.illegalPaymentTransition", this, target));
		}
		return target;
	}

	/** Throws an {@link IllegalStateException} unless this status may move to {@code target}: a broken invariant. */
	public void checkCanBecome(PaymentStatus target) {
		if (!canBecome(target)) {
			throw new IllegalStateException("a payment cannot go from " + this + " to " + target);
		}
	}

	/** The statuses from which a payment may move to {@code target}: the guard of a compare-and-set. */
	public static Set<PaymentStatus> sourcesOf(PaymentStatus target) {
		var sources = EnumSet.noneOf(PaymentStatus.class);
		Arrays.stream(values()).filter(s -> s.canBecome(target)).forEach(sources::add);
		return sources;
	}
}
