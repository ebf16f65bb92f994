package com.linli.logistics.solver;

/** Hears of each new best feasible solution while a solver runs. */
@FunctionalInterface
public interface ProgressListener {

	ProgressListener NONE = (cost, elapsedMillis) -> {
	};

	void improved(double bestCost, long elapsedMillis);
}
