package com.linli.analytics.internal.funnels;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversions and the largest drop of a funnel. */
class FunnelTests {

	static final LocalDate DAY = LocalDate.of(2026, 12, 7);

	@Test
	void theLargestDropIsTheStepWithTheLowestConversion() {
		var funnel = Funnel.of(DAY, DAY, 100, 40, 30, 6);

		assertThat(funnel.steps()).extracting(Funnel.Step::conversion).containsExactly(null, 0.4, 0.75, 0.2);
		assertThat(funnel.largestDrop()).isEqualTo(3);
		assertThat(funnel.steps().get(3).largestDrop(funnel)).isTrue();
		assertThat(funnel.steps().get(1).largestDrop(funnel)).isFalse();
		assertThat(funnel.overall()).isEqualTo(0.06);
	}

	@Test
	void aStepAfterNobodyHasNoConversion() {
		var funnel = Funnel.of(DAY, DAY, 10, 0, 0, 0);
		assertThat(funnel.steps()).extracting(Funnel.Step::conversion).containsExactly(null, 0.0, null, null);
		assertThat(funnel.largestDrop()).isEqualTo(1);

		var empty = Funnel.of(DAY, DAY, 0, 0, 0, 0);
		assertThat(empty.largestDrop()).isEqualTo(-1);
		assertThat(empty.overall()).isNull();
	}
}
