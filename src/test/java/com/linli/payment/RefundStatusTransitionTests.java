package com.linli.payment;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.payment.RefundStatus.*;

/** A refund moves once, from pending to its outcome. Every pair of statuses, allowed or refused: plain JUnit, no Spring. */
class RefundStatusTransitionTests {

	/** The moves the lifecycle allows; every other pair is refused. */
	private static final Map<RefundStatus, Set<RefundStatus>> ALLOWED = Map.of(PENDING, Set.of(SUCCEEDED, FAILED), SUCCEEDED, Set.of(), FAILED, Set.of());

	private static final StatusMoves<RefundStatus> MOVES = StatusMoves.of(RefundStatus.class, ALLOWED, RefundStatus::canBecome, RefundStatus::next,
			RefundStatus::to, "illegal-refund-transition");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void aStatusMovesOnlyWhereItsLifecycleAllows(RefundStatus from, RefundStatus to) {
		MOVES.check(from, to);
	}
}
