package com.linli.payment;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.payment.PaymentStatus.*;

/** A pending payment is paid or closed; money arriving after the close still counts; a paid one never changes. Every pair of statuses, allowed or refused: plain JUnit, no Spring. */
class PaymentStatusTransitionTests {

	/** The moves the lifecycle allows; every other pair is refused. */
	private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = Map.of(PENDING, Set.of(SUCCEEDED, CLOSED), CLOSED, Set.of(SUCCEEDED), SUCCEEDED, Set.of());

	private static final StatusMoves<PaymentStatus> MOVES = StatusMoves.of(PaymentStatus.class, ALLOWED, PaymentStatus::canBecome, PaymentStatus::next,
			PaymentStatus::to, "illegal-payment-transition");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void aStatusMovesOnlyWhereItsLifecycleAllows(PaymentStatus from, PaymentStatus to) {
		MOVES.check(from, to);
	}
}
