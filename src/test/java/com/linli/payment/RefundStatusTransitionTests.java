package com.linli.payment;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.shared.BusinessRuleException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.payment.RefundStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A refund moves once, from pending to its outcome. Every pair of statuses, allowed or refused: plain JUnit, no Spring. */
class RefundStatusTransitionTests {

	/** The moves the lifecycle allows; every other pair is refused. */
	private static final Map<RefundStatus, Set<RefundStatus>> ALLOWED = Map.of(PENDING, Set.of(SUCCEEDED, FAILED), SUCCEEDED, Set.of(), FAILED, Set.of());

	static Stream<Arguments> pairs() {
		return Arrays.stream(values()).flatMap(from -> Arrays.stream(values()).map(to -> Arguments.of(from, to)));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void aStatusMovesOnlyWhereItsLifecycleAllows(RefundStatus from, RefundStatus to) {
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
					assertThat(problem.code()).isEqualTo("illegal-refund-transition");
				});
		}
	}
}
