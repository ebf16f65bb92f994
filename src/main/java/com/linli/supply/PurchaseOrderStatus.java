package com.linli.supply;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * Where a purchase order stands: a DRAFT is the platform's own until it is SENT to the supplier; the
 * supplier CONFIRMS it (in full or short); it is DELIVERED once every line is received and SETTLED with the
 * supplier's statement. Only a DRAFT or SENT order may be CANCELLED; SETTLED and CANCELLED are final.
 */
public enum PurchaseOrderStatus {

	DRAFT, SENT, CONFIRMED, DELIVERED, SETTLED, CANCELLED;

	/** The statuses this one may change to. */
	public Set<PurchaseOrderStatus> next() {
		return switch (this) {
			case DRAFT -> EnumSet.of(SENT, CANCELLED);
			case SENT -> EnumSet.of(CONFIRMED, CANCELLED);
			case CONFIRMED -> EnumSet.of(DELIVERED);
			case DELIVERED -> EnumSet.of(SETTLED);
			case SETTLED, CANCELLED -> EnumSet.noneOf(PurchaseOrderStatus.class);
		};
	}

	public boolean canBecome(PurchaseOrderStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public PurchaseOrderStatus to(PurchaseOrderStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("purchase-order-status", "status",
					Text.of("supply.problem.illegalTransition", this, target));
		}
		return target;
	}

	/** Whether the supplier is still to deliver: goods may be announced and received. */
	public boolean awaitsGoods() {
		return this == SENT || this == CONFIRMED;
	}
}
