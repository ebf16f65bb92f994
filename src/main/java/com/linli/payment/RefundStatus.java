package com.linli.payment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/** Where a refund stands: sent to the provider, money returned, or refused by the provider. */
public enum RefundStatus {

	PENDING, SUCCEEDED, FAILED;

	/** The statuses this one may change to: only a pending refund moves, once, to an outcome. */
	public Set<RefundStatus> next() {
		return switch (this) {
			case PENDING -> EnumSet.of(SUCCEEDED, FAILED);
			case SUCCEEDED, FAILED -> EnumSet.noneOf(RefundStatus.class);
		};
	}

	public boolean canBecome(RefundStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public RefundStatus to(RefundStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-refund-transition", "status",
					Text.of("payment.problem.illegalRefundTransition", this, target));
		}
		return target;
	}

	/** Throws an {@link IllegalStateException} unless this status may move to {@code target}: a broken invariant. */
	public void checkCanBecome(RefundStatus target) {
		if (!canBecome(target)) {
			throw new IllegalStateException("a refund cannot go from " + this + " to " + target);
		}
	}

	/** The statuses from which a refund may move to {@code target}: the guard of a compare-and-set. */
	public static Set<RefundStatus> sourcesOf(RefundStatus target) {
		var sources = EnumSet.noneOf(RefundStatus.class);
		Arrays.stream(values()).filter(s -> s.canBecome(target)).forEach(sources::add);
		return sources;
	}
}
