package com.linli.logistics.solver;

import java.time.Duration;

/**
 * When a solver stops: after {@code timeLimit} of wall time or {@code maxIterations} iterations,
 * whichever comes first (0 iterations: no iteration limit). The seed makes a run deterministic for a
 * given iteration budget.
 */
public record Limits(Duration timeLimit, long seed, long maxIterations) {

	public Limits(Duration timeLimit, long seed) {
		this(timeLimit, seed, 0);
	}

	/** An iteration budget only (a generous wall-time cap): reproducible on any machine. */
	public static Limits iterations(long maxIterations, long seed) {
		return new Limits(Duration.ofHours(1), seed, maxIterations);
	}
}
