package com.linli.inventory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Test-only listener: inventory's alert events once committed. Shared by all tests: filter by your own ids. */
@Component
public class InventoryEventsRecorder {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(StockLow event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(StockExpiring event) {
		events.add(event);
	}

	public List<StockLow> low(com.linli.network.WarehouseId warehouse) {
		return events.stream().filter(StockLow.class::isInstance).map(StockLow.class::cast)
			.filter(e -> e.warehouseId().equals(warehouse)).toList();
	}

	public List<StockExpiring> expiring(com.linli.network.WarehouseId warehouse) {
		return events.stream().filter(StockExpiring.class::isInstance).map(StockExpiring.class::cast)
			.filter(e -> e.warehouseId().equals(warehouse)).toList();
	}
}
