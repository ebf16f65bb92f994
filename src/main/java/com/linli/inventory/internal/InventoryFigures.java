package com.linli.inventory.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.ConsoleFigures;

import org.springframework.stereotype.Component;

/** Open stock alerts of the viewer's regions, for the console home. */
@Component
class InventoryFigures implements ConsoleFigures {

	private final Alerts alerts;

	InventoryFigures(Alerts alerts) {
		this.alerts = alerts;
	}

	@Override
	public List<Figure> figures(Optional<Set<Long>> regionScope) {
		long open = alerts.countOpen(regionScope.orElse(null));
		return List.of(new Figure(70, "inventory.figure.openAlerts", String.format("%,d", open), "/console/inventory/alerts"));
	}
}
