package com.linli.logistics;

import static com.linli.logistics.RouteStatus.COMPLETED;
import static com.linli.logistics.RouteStatus.DISPATCHED;
import static com.linli.logistics.RouteStatus.LOCKED;
import static com.linli.logistics.RouteStatus.PLANNED;
import static com.linli.logistics.StopStatus.ARRIVED;
import static com.linli.logistics.StopStatus.HANDED_OVER;
import static com.linli.logistics.StopStatus.PENDING;
import static com.linli.logistics.StopStatus.SKIPPED;

import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;

import com.linli.StatusMoves;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The route's and the stop's moves of DESIGN.md section 4, every pair of statuses. */
class StatusesTests {

	static final StatusMoves<RouteStatus> ROUTE = StatusMoves.of(RouteStatus.class,
			Map.of(PLANNED, EnumSet.of(LOCKED), LOCKED, EnumSet.of(PLANNED, DISPATCHED), DISPATCHED, EnumSet.of(COMPLETED),
					COMPLETED, EnumSet.noneOf(RouteStatus.class)),
			RouteStatus::canBecome, RouteStatus::next, RouteStatus::to, "illegal-route-transition");

	static final StatusMoves<StopStatus> STOP = StatusMoves.of(StopStatus.class,
			Map.of(PENDING, EnumSet.of(ARRIVED, SKIPPED), ARRIVED, EnumSet.of(HANDED_OVER, SKIPPED), HANDED_OVER,
					EnumSet.noneOf(StopStatus.class), SKIPPED, EnumSet.noneOf(StopStatus.class)),
			StopStatus::canBecome, StopStatus::next, StopStatus::to, "illegal-stop-transition");

	static Stream<Arguments> routePairs() {
		return ROUTE.pairs();
	}

	static Stream<Arguments> stopPairs() {
		return STOP.pairs();
	}

	@ParameterizedTest
	@MethodSource("routePairs")
	void aRouteMovesOnlyAsTheLifecycleAllows(RouteStatus from, RouteStatus to) {
		ROUTE.check(from, to);
	}

	@ParameterizedTest
	@MethodSource("stopPairs")
	void aStopMovesOnlyAsTheLifecycleAllows(StopStatus from, StopStatus to) {
		STOP.check(from, to);
	}
}
