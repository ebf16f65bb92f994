package com.linli.bench.timefold;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

/** A vehicle of the Timefold model: its type, capacity per zone, and the list of its visits (the planning variable). */
@PlanningEntity
public class TfVehicle {

	int type;

	int[] capacity;

	double fixedCost;

	double costPerDistance;

	TimefoldModel model;

	@PlanningListVariable
	List<TfVisit> visits = new ArrayList<>();

	public TfVehicle() {
	}

	TfVehicle(int type, int[] capacity, double fixedCost, double costPerDistance, TimefoldModel model) {
		this.type = type;
		this.capacity = capacity;
		this.fixedCost = fixedCost;
		this.costPerDistance = costPerDistance;
		this.model = model;
	}

	/** Load over the capacity, summed over the zones. */
	long excessLoad() {
		long excess = 0;
		for (int z = 0; z < capacity.length; z++) {
			long load = 0;
			for (TfVisit visit : visits) {
				load += visit.demand[z];
			}
			excess += Math.max(0, load - capacity[z]);
		}
		return excess;
	}

	/** The route's cost (distance × cost per distance), scaled like the score. */
	long distanceCost() {
		if (visits.isEmpty()) {
			return 0;
		}
		double total = 0;
		int at = 0;
		for (TfVisit visit : visits) {
			total += model.distance[at][visit.node];
			at = visit.node;
		}
		total += model.distance[at][0];
		return TimefoldModel.scaled(total * costPerDistance);
	}

	long fixedCostScaled() {
		return visits.isEmpty() ? 0 : TimefoldModel.scaled(fixedCost);
	}

	/** Time past the depot's close on return, scaled (0 without windows). */
	long returnLateness() {
		if (model.due == null || visits.isEmpty()) {
			return 0;
		}
		TfVisit last = visits.get(visits.size() - 1);
		if (last.serviceStart == null) {
			return 0;
		}
		double back = last.serviceStart + model.service(last.node) + model.duration[last.node][0];
		return TimefoldModel.scaled(Math.max(0, back - model.due[0]));
	}
}
