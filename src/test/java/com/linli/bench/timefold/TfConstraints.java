package com.linli.bench.timefold;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The constraints, as Timefold's vehicle routing quickstart writes them: capacity per compartment and
 * lateness at each visit and at the depot hard; distance (times the vehicle type's cost per distance)
 * and the fixed cost of each vehicle used soft.
 */
public class TfConstraints implements ConstraintProvider {

	@Override
	public Constraint[] defineConstraints(ConstraintFactory factory) {
		return new Constraint[] { capacity(factory), lateVisit(factory), lateReturn(factory), distance(factory), fixedCost(factory) };
	}

	Constraint capacity(ConstraintFactory factory) {
		return factory.forEach(TfVehicle.class)
			.filter(vehicle -> vehicle.excessLoad() > 0)
			.penalizeLong(HardSoftLongScore.ONE_HARD, TfVehicle::excessLoad)
			.asConstraint("vehicleCapacity");
	}

	Constraint lateVisit(ConstraintFactory factory) {
		return factory.forEach(TfVisit.class)
			.filter(TfVisit::late)
			.penalizeLong(HardSoftLongScore.ONE_HARD, TfVisit::lateness)
			.asConstraint("serviceStartedAfterWindow");
	}

	Constraint lateReturn(ConstraintFactory factory) {
		return factory.forEach(TfVehicle.class)
			.filter(vehicle -> vehicle.returnLateness() > 0)
			.penalizeLong(HardSoftLongScore.ONE_HARD, TfVehicle::returnLateness)
			.asConstraint("returnAfterDepotCloses");
	}

	Constraint distance(ConstraintFactory factory) {
		return factory.forEach(TfVehicle.class)
			.filter(vehicle -> !vehicle.visits.isEmpty())
			.penalizeLong(HardSoftLongScore.ONE_SOFT, TfVehicle::distanceCost)
			.asConstraint("distance");
	}

	Constraint fixedCost(ConstraintFactory factory) {
		return factory.forEach(TfVehicle.class)
			.filter(vehicle -> !vehicle.visits.isEmpty() && vehicle.fixedCost > 0)
			.penalizeLong(HardSoftLongScore.ONE_SOFT, TfVehicle::fixedCostScaled)
			.asConstraint("fixedCost");
	}
}
