package com.linli.fulfilment;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.shared.BusinessRuleException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.fulfilment.CutoffStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cutoff run completes, and a completed one runs again to take in orders paid since. Every pair of statuses, allowed or refused: plain JUnit, no Spring. */
class CutoffStatusTransitionTests {

	/** The moves the lifecycle allows; every other pair is refused. */
	private static final Map<CutoffStatus, Set<CutoffStatus>> ALLOWED = Map.of(RUNNING, Set.of(COMPLETED), COMPLETED, Set.of(RUNNING));

	static Stream<Arguments> pairs() {
		return Arrays.stream(values()).flatMap(from -> Arrays.stream(values()).map(to -> Arguments.of(from, to)));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void aStatusMovesOnlyWhereItsLifecycleAllows(CutoffStatus from, CutoffStatus to) {
		boolean allowed = ALLOWED.get(from).contains(to);
		assertThat(from.canBecome(to)).isEqualTo(allowed);
		assertThat(from.next().contains(to)).isEqualTo(allowed);
		if (allowed) {
			assertThat(from.to(to)).isEqualTo(to);
		}
		else {
			assertThatThrownBy(() -> from.to(to)).isInstanceOf(BusinessRuleException.class)
				.satisfies(e -> {
					var problem = (BusinessRuleException) e;
					// the message names both statuses
					assertThat(Arrays.stream(problem.text().args()).map(String::valueOf)).containsExactly(from.name(), to.name());
					assertThat(problem.code()).isEqualTo("illegal-cutoff-transition");
				});
		}
	}
}
