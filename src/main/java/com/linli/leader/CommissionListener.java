package com.linli.leader;

import com.linli.leader.internal.CommissionAccruals;
import com.linli.ordering.OrderLineRefunded;
import com.linli.ordering.OrderPickedUp;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to ordering: picked-up lines earn the leader commission, refunds of picked-up units reverse
 * it. Runs after ordering's transaction committed, in its own; the event publication registry
 * redelivers an event after a crash, and applying one twice changes nothing.
 */
@Component
class CommissionListener {

	private final CommissionAccruals accruals;

	CommissionListener(CommissionAccruals accruals) {
		this.accruals = accruals;
	}

	@ApplicationModuleListener
	void on(OrderPickedUp event) {
		accruals.accrue(event);
	}

	@ApplicationModuleListener
	void on(OrderLineRefunded event) {
		if (event.afterPickup()) {
			accruals.reverse(event);
		}
	}
}
