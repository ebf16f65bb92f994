package com.linli.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;
import com.linli.network.WarehouseId;
import com.linli.shared.BusinessRuleException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.inventory.StocktakeStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A count is open until it is closed, once. Every pair of statuses, allowed or refused: plain JUnit, no Spring. */
class StocktakeStatusTransitionTests {

	/** The moves the lifecycle allows; every other pair is refused. */
	private static final Map<StocktakeStatus, Set<StocktakeStatus>> ALLOWED = Map.of(OPEN, Set.of(CLOSED), CLOSED, Set.of());

	private static final StatusMoves<StocktakeStatus> MOVES = StatusMoves.of(StocktakeStatus.class, ALLOWED, StocktakeStatus::canBecome, StocktakeStatus::next,
			StocktakeStatus::to, "illegal-stocktake-transition");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void aStatusMovesOnlyWhereItsLifecycleAllows(StocktakeStatus from, StocktakeStatus to) {
		MOVES.check(from, to);
	}

	@Test
	void anOpenCountClosesAndAClosedOneIsRefused() {
		var open = new Stocktake(1, new WarehouseId(1), OPEN, null, Instant.EPOCH, null, List.of());
		var closed = new Stocktake(1, new WarehouseId(1), CLOSED, null, Instant.EPOCH, Instant.EPOCH, List.of());

		assertThat(open.closing()).isEqualTo(CLOSED);
		assertThatThrownBy(closed::closing).isInstanceOf(BusinessRuleException.class);
	}
}
