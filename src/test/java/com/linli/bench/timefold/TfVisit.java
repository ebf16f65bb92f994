package com.linli.bench.timefold;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.variable.CascadingUpdateShadowVariable;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;

/**
 * A customer of the Timefold model: its node index, its demand per zone, and as shadow variables its
 * vehicle, the visit before it and the start of its service (waiting when early, as the Timefold
 * vehicle routing quickstart does; lateness is measured from it).
 */
@PlanningEntity
public class TfVisit {

	int node;

	int[] demand;

	@InverseRelationShadowVariable(sourceVariableName = "visits")
	TfVehicle vehicle;

	@PreviousElementShadowVariable(sourceVariableName = "visits")
	TfVisit previous;

	@CascadingUpdateShadowVariable(targetMethodName = "updateServiceStart")
	Double serviceStart;

	public TfVisit() {
	}

	TfVisit(int node, int[] demand) {
		this.node = node;
		this.demand = demand;
	}

	void updateServiceStart() {
		if (vehicle == null) {
			serviceStart = null;
			return;
		}
		TimefoldModel model = vehicle.model;
		double departure;
		int from;
		if (previous == null) {
			departure = model.ready == null ? 0 : model.ready[0];
			from = 0;
		}
		else {
			departure = (previous.serviceStart == null ? 0 : previous.serviceStart) + model.service(previous.node);
			from = previous.node;
		}
		double arrival = departure + model.duration[from][node];
		serviceStart = model.ready == null ? arrival : Math.max(arrival, model.ready[node]);
	}

	/** Time past the window's close, scaled like the score (0 without windows). */
	long lateness() {
		if (vehicle == null || serviceStart == null || vehicle.model.due == null) {
			return 0;
		}
		return TimefoldModel.scaled(Math.max(0, serviceStart - vehicle.model.due[node]));
	}

	boolean late() {
		return lateness() > 0;
	}
}
