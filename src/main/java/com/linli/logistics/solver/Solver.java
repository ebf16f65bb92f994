package com.linli.logistics.solver;

/** Solves a routing problem within limits, reporting the best cost so far. */
public interface Solver {

	String name();

	Solution solve(Problem problem, Limits limits, ProgressListener progress);
}
