package com.linli.bench.timefold;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** The Timefold planning solution: the vehicles with their visit lists, the visits, the score. */
@PlanningSolution
public class TfPlan {

	@PlanningEntityCollectionProperty
	List<TfVehicle> vehicles;

	@PlanningEntityCollectionProperty
	@ValueRangeProvider
	List<TfVisit> visits;

	@PlanningScore
	HardSoftLongScore score;

	public TfPlan() {
	}

	TfPlan(List<TfVehicle> vehicles, List<TfVisit> visits) {
		this.vehicles = vehicles;
		this.visits = visits;
	}
}
