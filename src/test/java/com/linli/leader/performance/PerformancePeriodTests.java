package com.linli.leader.performance;

import java.time.LocalDate;

import com.linli.leader.PerformanceFigure;
import com.linli.leader.PerformancePeriod;
import com.linli.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The periods' bounds and the parsing of periods, dates and figures named in requests. */
class PerformancePeriodTests {

	// 2026-12-09 is a Wednesday
	static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 9);

	@Test
	void boundsOfDaysWeeksAndMonths() {
		assertThat(PerformancePeriod.DAY.start(WEDNESDAY)).isEqualTo(WEDNESDAY);
		assertThat(PerformancePeriod.DAY.end(WEDNESDAY)).isEqualTo(WEDNESDAY);
		assertThat(PerformancePeriod.WEEK.start(WEDNESDAY)).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(PerformancePeriod.WEEK.end(WEDNESDAY)).isEqualTo(LocalDate.of(2026, 12, 13));
		assertThat(PerformancePeriod.WEEK.start(LocalDate.of(2026, 12, 13))).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(PerformancePeriod.MONTH.start(WEDNESDAY)).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(PerformancePeriod.MONTH.end(WEDNESDAY)).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(PerformancePeriod.MONTH.end(LocalDate.of(2028, 2, 10))).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(PerformancePeriod.MONTH.shift(WEDNESDAY, 11)).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(PerformancePeriod.WEEK.shift(WEDNESDAY, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(PerformancePeriod.DAY.shift(WEDNESDAY, 11)).isEqualTo(LocalDate.of(2026, 11, 28));
	}

	@Test
	void requestsNameThemOrGetAProblemNamingTheField() {
		assertThat(PerformancePeriod.parse(null, PerformancePeriod.WEEK)).isEqualTo(PerformancePeriod.WEEK);
		assertThat(PerformancePeriod.parse(" Month ", PerformancePeriod.WEEK)).isEqualTo(PerformancePeriod.MONTH);
		assertThatThrownBy(() -> PerformancePeriod.parse("year", PerformancePeriod.WEEK))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("period"));
		assertThat(PerformancePeriod.parseDate("2026-12-09", null)).isEqualTo(WEDNESDAY);
		assertThatThrownBy(() -> PerformancePeriod.parseDate("2026-02-30", null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("date"));
		assertThat(PerformanceFigure.parse(null)).isEqualTo(PerformanceFigure.SALES);
		assertThat(PerformanceFigure.parse("repurchase-rate")).isEqualTo(PerformanceFigure.REPURCHASE_RATE);
		assertThatThrownBy(() -> PerformanceFigure.parse("height"))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sort"));
		assertThat(PerformanceFigure.COMPLAINT_RATE.higherIsBetter()).isFalse();
	}
}
