package com.linli.ordering;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * The order state machine of DESIGN.md section 4; each status knows where it may go next, and
 * {@link #to(OrderStatus)} is the only way the {@link Order} aggregate moves.
 */
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

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public OrderStatus to(OrderStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-order-transition", "status",
					Text.of("ordering.problem.illegalTransition", this, target));
		}
		return target;
	}

	/**
	 * Statuses that may lead to the given one, for the repository's set-based moves
	 * ({@code where status = any(...)}).
	 */
	public static String[] from(OrderStatus target) {
		return EnumSet.allOf(OrderStatus.class).stream().filter(s -> s.canBecome(target)).map(Enum::name)
			.toArray(String[]::new);
	}

	/** Paid and not yet finished: the order holds a live pickup code. */
	public boolean isLive() {
		return this == PAID || this == CONFIRMED || this == SHIPPED || this == READY_FOR_PICKUP;
	}

	/** Money was taken for the order and it was not cancelled: its lines may be refunded. */
	public boolean isPaidFor() {
		return isLive() || this == PICKED_UP;
	}
}
