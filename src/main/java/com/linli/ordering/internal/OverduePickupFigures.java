package com.linli.ordering.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.ConsoleFigures;

import org.springframework.stereotype.Component;

/** Overdue pickups in the viewer's regions, for the console home. */
@Component
class OverduePickupFigures implements ConsoleFigures {

	private final PickupPointOrders orders;

	private final OverduePickups overdue;

	OverduePickupFigures(PickupPointOrders orders, OverduePickups overdue) {
		this.orders = orders;
		this.overdue = overdue;
	}

	@Override
	public List<Figure> figures(Optional<Set<Long>> regionScope) {
		long count = orders.countOverdue(regionScope, overdue.readyBefore());
		return List.of(new Figure(30, "overdue.figure", String.format("%,d", count), "/console/orders/overdue"));
	}
}
