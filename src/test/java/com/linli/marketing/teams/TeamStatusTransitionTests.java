package com.linli.marketing.teams;

import static com.linli.marketing.TeamStatus.EXPIRED;
import static com.linli.marketing.TeamStatus.FILLED;
import static com.linli.marketing.TeamStatus.OPEN;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;
import com.linli.marketing.TeamStatus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An open team fills or expires; a filled or expired one never changes. Every pair of statuses: plain JUnit. */
class TeamStatusTransitionTests {

	private static final Map<TeamStatus, Set<TeamStatus>> ALLOWED = Map.of(OPEN, Set.of(FILLED, EXPIRED), FILLED,
			Set.of(), EXPIRED, Set.of());

	private static final StatusMoves<TeamStatus> MOVES = StatusMoves.of(TeamStatus.class, ALLOWED, TeamStatus::canBecome,
			TeamStatus::next, TeamStatus::to, "illegal-team-transition");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void aStatusMovesOnlyWhereItsLifecycleAllows(TeamStatus from, TeamStatus to) {
		MOVES.check(from, to);
	}
}
