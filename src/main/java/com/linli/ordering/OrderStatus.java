package com.linli.ordering;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;

/** The order state machine of DESIGN.md section 4; each status knows where it may go next. */
public enum OrderStatus {

	PENDING_PAYMENT, PAID, CONFIRMED, SHIPPED, READY_FOR_PICKUP, PICKED_UP, CANCELLED;

	public Set<OrderStatus> next() {
		return switch (this) {
			case PENDING_PAYMENT -> EnumSet.of(PAID, CANCELLED);
			case PAID -> EnumSet.of(CONFIRMED, CANCELLED);
			// CANCELLED from here only when every line was refunded (all short at receipt)
			case CONFIRMED -> EnumSet.of(SHIPPED, READY_FOR_PICKUP, CANCELLED);
			case SHIPPED -> EnumSet.of(READY_FOR_PICKUP, CANCELLED);
			case READY_FOR_PICKUP -> EnumSet.of(PICKED_UP);
			case PICKED_UP, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
		};
	}

	public boolean canBecome(OrderStatus target) {
		return next().contains(target);
	}

	/** Throws a clear error for an illegal transition. */
	public void checkCanBecome(OrderStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-transition", "order cannot go from " + this + " to " + target);
		}
	}

	/** Statuses that came from the given one, for conditional updates: {@code where status = any(...)}. */
	public static String[] from(OrderStatus target) {
		return EnumSet.allOf(OrderStatus.class).stream().filter(s -> s.canBecome(target)).map(Enum::name)
			.toArray(String[]::new);
	}

	/** Paid and not yet finished: the order holds a live pickup code. */
	public boolean isLive() {
		return this == PAID || this == CONFIRMED || this == SHIPPED || this == READY_FOR_PICKUP;
	}
}
