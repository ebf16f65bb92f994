package com.linli.inventory.internal.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ForecasterTests {

	/** A Monday. */
	static final LocalDate START = LocalDate.of(2026, 1, 5);

	final Forecaster forecaster = new Forecaster();

	/** {@code weeks} weeks repeating {@code week} (Monday first). */
	static double[] weekly(int weeks, double... week) {
		double[] units = new double[weeks * 7];
		for (int t = 0; t < units.length; t++) {
			units[t] = week[t % 7];
		}
		return units;
	}

	static ForecastCalendar learned(List<DemandSeries> group, Set<LocalDate> holidays) {
		return ForecastCalendar.learn(START, Backtest.totals(group, group.get(0).days()), holidays);
	}

	@Test
	void aSteadyWeekIsForecastExactlyWithTheClosedWeekdayAtZero() {
		// Saturdays closed, Fridays twice a normal day, Sundays half
		double[] week = { 10, 10, 10, 10, 20, 0, 5 };
		var group = List.of(DemandSeries.of("a", weekly(10, week)), DemandSeries.of("b", weekly(10, 3, 3, 3, 3, 6, 0, 1.5)));
		ForecastCalendar calendar = learned(group, Set.of());
		assertThat(calendar.closedWeekdays()).containsExactly(DayOfWeek.SATURDAY);

		var result = forecaster.forecast(group, calendar, 7);

		assertThat(result.forecasts().get(0)).containsExactly(new double[] { 10, 10, 10, 10, 20, 0, 5 }, within(1e-9));
		assertThat(result.forecasts().get(1)).containsExactly(new double[] { 3, 3, 3, 3, 6, 0, 1.5 }, within(1e-9));
		assertThat(result.season()).isEqualTo(1);
		assertThat(result.promotionLift()).isEqualTo(1);
	}

	@Test
	void theLevelIsAMedianSoOneWholesaleOrderDoesNotLiftIt() {
		double[] units = weekly(8, 4, 4, 4, 4, 4, 4, 4);
		units[50] = 400;
		var result = forecaster.forecast(List.of(DemandSeries.of("lumpy", units)), ForecastCalendar.open(START, 56, Set.of()), 7);
		// neither the weekday profile (a median per weekday) nor the level (a median) moves
		assertThat(result.weekdayProfile()).containsOnly(1.0);
		assertThat(result.levels()[0]).isEqualTo(4);
		assertThat(result.forecasts().get(0)[0]).isEqualTo(result.levels()[0] * result.weekdayProfile()[0], within(1e-9));
		assertThat(result.forecasts().get(0)[0]).isLessThan(5);
		// the expected units (a mean, for caps) do carry the wholesale order: (27 × 4 + 400) / 28
		assertThat(result.meanLevels()[0]).isEqualTo((27 * 4 + 400) / 28.0, within(1e-9));
		assertThat(result.expected().get(0)[0]).isEqualTo(result.meanLevels()[0], within(1e-9));
	}

	@Test
	void closedDaysAndHolidaysAreNeitherLearnedFromNorForecast() {
		double[] units = weekly(8, 6, 6, 6, 6, 6, 6, 6);
		// a week of holidays in the past sold nothing
		for (int t = 35; t < 42; t++) {
			units[t] = 0;
		}
		LocalDate holidayAhead = START.plusDays(56 + 2);
		var group = List.of(DemandSeries.of("a", units));
		var result = forecaster.forecast(group, learned(group, Set.of(holidayAhead)), 7);
		assertThat(result.forecasts().get(0)).containsExactly(new double[] { 6, 6, 0, 6, 6, 6, 6 }, within(1e-9));
	}

	@Test
	void promotedDaysSellTheLiftTheGroupShowedBefore() {
		int days = 84;
		double[] units = weekly(12, 5, 5, 5, 5, 5, 5, 5);
		boolean[] promoted = new boolean[days];
		for (int t = 10; t < days; t += 9) {
			promoted[t] = true;
			units[t] = 10; // promotions sold twice the usual
		}
		boolean[] ahead = { false, false, true, false, false, false, false };
		var series = new DemandSeries("p", units, promoted, ahead);
		var result = forecaster.forecast(List.of(series), ForecastCalendar.open(START, days, Set.of()), 7);
		assertThat(result.promotionLift()).isEqualTo(2, within(1e-9));
		assertThat(result.forecasts().get(0)).containsExactly(new double[] { 5, 5, 10, 5, 5, 5, 5 }, within(1e-9));
	}

	@Test
	void theYearlySeasonScalesTheForecastOnceThereIsAYearOfHistory() {
		int days = 364 + 70;
		double[] units = new double[days];
		java.util.Arrays.fill(units, 8);
		// a year before the forecast week, demand doubled for that week
		for (int t = days - 364; t < days - 364 + 7; t++) {
			units[t] = 16;
		}
		var result = forecaster.forecast(List.of(DemandSeries.of("s", units)), ForecastCalendar.open(START, days, Set.of()), 7);
		assertThat(result.season()).isEqualTo(2, within(1e-9));
		assertThat(result.forecasts().get(0)).containsOnly(16.0);

		double[] shortHistory = java.util.Arrays.copyOfRange(units, 300, days);
		var young = forecaster.forecast(List.of(DemandSeries.of("s", shortHistory)),
				ForecastCalendar.open(START, shortHistory.length, Set.of()), 7);
		assertThat(young.season()).isEqualTo(1);
	}

	@Test
	void aNewSkuWithoutHistoryIsForecastAtZeroAndBaselinesNeedAWeek() {
		var empty = DemandSeries.of("new", new double[0]);
		assertThat(forecaster.forecast(List.of(empty), ForecastCalendar.open(START, 0, Set.of()), 7).forecasts().get(0))
			.containsOnly(0.0);
		assertThat(Forecaster.seasonalNaive(DemandSeries.of("x", 1, 2, 3), 7)).containsExactly(0, 0, 0, 0, 1, 2, 3);
		assertThat(Forecaster.seasonalNaive(DemandSeries.of("x", weekly(1, 1, 2, 3, 4, 5, 6, 7)), 8))
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 1);
		assertThat(Forecaster.movingAverage(DemandSeries.of("x", 2, 4), 28, 2)).containsExactly(3, 3);
	}

	@Test
	void negativeOrMismatchedInputIsRefused() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemandSeries.of("bad", 1, -1))
			.isInstanceOf(IllegalArgumentException.class);
		var a = DemandSeries.of("a", 1, 2);
		var b = DemandSeries.of("b", 1);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> forecaster.forecast(List.of(a, b), ForecastCalendar.open(START, 2, Set.of()), 7))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
