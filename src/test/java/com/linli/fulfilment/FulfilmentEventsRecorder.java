package com.linli.fulfilment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Test-only listener: the fulfilment module's events once their transaction committed, as another
 * module's listener would see them. Shared by all integration tests: filter by your own ids.
 */
@Component
public class FulfilmentEventsRecorder {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(CutoffCompleted event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(DeliveryArrived event) {
		events.add(event);
	}

	public List<CutoffCompleted> completed(CutoffRunId run) {
		return events.stream().filter(CutoffCompleted.class::isInstance).map(CutoffCompleted.class::cast)
			.filter(e -> e.runId().equals(run)).toList();
	}

	public List<DeliveryArrived> arrived(com.linli.network.PickupPointId point) {
		return events.stream().filter(DeliveryArrived.class::isInstance).map(DeliveryArrived.class::cast)
			.filter(e -> e.pickupPointId().equals(point)).toList();
	}
}
