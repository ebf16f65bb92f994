/**
 * A vehicle routing solver in plain Java (no Spring, no other module): the hybrid genetic search of
 * Vidal (2022) for the capacitated VRP, extended to time windows (time warp), a heterogeneous fleet and
 * compartments ({@link com.linli.logistics.solver.HybridGeneticSearch}), a
 * nearest-neighbour floor ({@link com.linli.logistics.solver.NearestNeighbourSolver}), instance readers
 * for CVRPLIB files and an independent checker of solutions.
 */
package com.linli.logistics.solver;
