package com.linli.analytics.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTests {

	@Test
	void periodsHoldTheirDatesAndStepBackAndToLastYear() {
		var day = LocalDate.of(2026, 12, 9); // a Wednesday
		var week = Period.containing(PeriodKind.WEEK, day);
		assertThat(week.start()).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(week.end()).isEqualTo(LocalDate.of(2026, 12, 14));
		assertThat(week.previous().start()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(week.lastYear().start()).isEqualTo(LocalDate.of(2025, 12, 8));
		assertThat(week.lastYear().start().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);

		var month = Period.containing(PeriodKind.MONTH, day);
		assertThat(month.days()).isEqualTo(31);
		assertThat(month.previous()).isEqualTo(new Period(PeriodKind.MONTH, LocalDate.of(2026, 11, 1)));
		assertThat(month.lastYear().start()).isEqualTo(LocalDate.of(2025, 12, 1));

		var quarter = Period.containing(PeriodKind.QUARTER, LocalDate.of(2026, 2, 28));
		assertThat(quarter.start()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(quarter.end()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(quarter.days()).isEqualTo(90);
		assertThat(quarter.previous().start()).isEqualTo(LocalDate.of(2025, 10, 1));

		var d = Period.containing(PeriodKind.DAY, day);
		assertThat(d.trailing(3)).extracting(Period::start)
			.containsExactly(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 8), day);
		assertThat(d.contains(day)).isTrue();
		assertThat(d.contains(day.plusDays(1))).isFalse();
	}

	@Test
	void aPeriodMustStartOnItsBoundary() {
		assertThatThrownBy(() -> new Period(PeriodKind.MONTH, LocalDate.of(2026, 12, 2)))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
