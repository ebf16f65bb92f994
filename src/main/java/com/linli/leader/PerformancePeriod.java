package com.linli.leader;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/** The periods leaders' performance is figured over: a day, an ISO week (Monday to Sunday), a calendar month. */
public enum PerformancePeriod {

	DAY, WEEK, MONTH;

	/** The first day of the period that holds {@code date}. */
	public LocalDate start(LocalDate date) {
		return switch (this) {
			case DAY -> date;
			case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> date.withDayOfMonth(1);
		};
	}

	/** The last day of the period that holds {@code date}. */
	public LocalDate end(LocalDate date) {
		return switch (this) {
			case DAY -> date;
			case WEEK -> start(date).plusDays(6);
			case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
		};
	}

	/** The first day of the period {@code n} periods before the one that holds {@code date}. */
	public LocalDate shift(LocalDate date, int n) {
		LocalDate start = start(date);
		return switch (this) {
			case DAY -> start.minusDays(n);
			case WEEK -> start.minusWeeks(n);
			case MONTH -> start.minusMonths(n);
		};
	}

	/** A period named in a request ({@code day}, {@code week}, {@code month}; none: {@code fallback}); else 400. */
	public static PerformancePeriod parse(String value, PerformancePeriod fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("period", Text.of("leader.problem.performancePeriod", value));
		}
	}

	/** A date named in a request (yyyy-MM-dd; none: {@code fallback}); else 400. */
	public static LocalDate parseDate(String value, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new InvalidInputException("date", Text.of("leader.problem.performanceDate", value));
		}
	}
}
