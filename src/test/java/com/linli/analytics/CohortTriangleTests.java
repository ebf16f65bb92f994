package com.linli.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.linli.analytics.internal.cohorts.CohortTriangle;
import com.linli.ordering.ResidentOrderFigures.ActiveWeek;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The retention triangle on a hand-made set of residents and their ordering weeks. */
class CohortTriangleTests {

	static final LocalDate W0 = LocalDate.of(2026, 11, 2); // a Monday

	static void orders(List<ActiveWeek> into, long resident, int firstWeek, int... weeks) {
		for (int w : weeks) {
			into.add(new ActiveWeek(resident, W0.plusWeeks(firstWeek), W0.plusWeeks(w)));
		}
	}

	@Test
	void sharesOfEachCohortOrderingInTheFollowingWeeks() {
		List<ActiveWeek> weeks = new ArrayList<>();
		// cohort W0: 4 residents; week +1: 1 and 2 (2/4); +2: 1 (1/4); +3: 1, 3, 4 (3/4)
		orders(weeks, 1, 0, 0, 1, 2, 3);
		orders(weeks, 2, 0, 0, 1);
		orders(weeks, 3, 0, 0, 3);
		orders(weeks, 4, 0, 0, 3);
		// cohort W1: 2 residents; +1: 5 (1/2); +2: none
		orders(weeks, 5, 1, 1, 2);
		orders(weeks, 6, 1, 1);
		// cohort W3 (the last week): 1 resident, no cells yet
		orders(weeks, 7, 3, 3);
		var cohorts = CohortTriangle.of(weeks, W0.plusWeeks(3), 8);
		assertThat(cohorts).hasSize(3);
		var first = cohorts.get(0);
		assertThat(first.week()).isEqualTo(W0);
		assertThat(first.residents()).isEqualTo(4);
		assertThat(first.retained()).containsExactly(2, 1, 3);
		assertThat(first.share(1)).isCloseTo(0.5, within(1e-9));
		assertThat(first.share(3)).isCloseTo(0.75, within(1e-9));
		var second = cohorts.get(1);
		assertThat(second.week()).isEqualTo(W0.plusWeeks(1));
		assertThat(second.residents()).isEqualTo(2);
		assertThat(second.retained()).containsExactly(1, 0);
		assertThat(cohorts.get(2).residents()).isEqualTo(1);
		assertThat(cohorts.get(2).retained()).isEmpty();
	}

	@Test
	void cellsStopAtTheMaximumOffset() {
		List<ActiveWeek> weeks = new ArrayList<>();
		orders(weeks, 1, 0, 0, 1, 2, 5);
		var cohorts = CohortTriangle.of(weeks, W0.plusWeeks(10), 2);
		assertThat(cohorts.get(0).retained()).containsExactly(1, 1);
	}
}
