package com.linli.supply;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Test-only listener: supply's events once their transaction committed, as another module's listener would
 * see them. Shared by all integration tests: filter by your own ids.
 */
@Component
public class SupplyEventsRecorder {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(GoodsReceived event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(ShortageFound event) {
		events.add(event);
	}

	public List<GoodsReceived> received(long purchaseOrderId) {
		return events.stream().filter(GoodsReceived.class::isInstance).map(GoodsReceived.class::cast)
			.filter(e -> e.purchaseOrderId().value() == purchaseOrderId).toList();
	}

	public List<ShortageFound> shortages(long purchaseOrderId) {
		return events.stream().filter(ShortageFound.class::isInstance).map(ShortageFound.class::cast)
			.filter(e -> e.purchaseOrderId().value() == purchaseOrderId).toList();
	}
}
