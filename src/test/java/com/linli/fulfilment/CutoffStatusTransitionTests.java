package com.linli.fulfilment;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.fulfilment.CutoffStatus.*;

/** A cutoff run completes, and a completed one runs again to take in orders paid since. Every pair of statuses, allowed or refused: plain JUnit, no Spring. */
class CutoffStatusTransitionTests {

	/** The moves the lifecycle allows; every other pair is refused. */
	private static final Map<CutoffStatus, Set<CutoffStatus>> ALLOWED = Map.of(RUNNING, Set.of(COMPLETED), COMPLETED, Set.of(RUNNING));

	private static final StatusMoves<CutoffStatus> MOVES = StatusMoves.of(CutoffStatus.class, ALLOWED, CutoffStatus::canBecome, CutoffStatus::next,
			CutoffStatus::to, "illegal-cutoff-transition");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void aStatusMovesOnlyWhereItsLifecycleAllows(CutoffStatus from, CutoffStatus to) {
		MOVES.check(from, to);
	}
}
