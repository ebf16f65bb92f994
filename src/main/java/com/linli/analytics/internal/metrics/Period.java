package com.linli.analytics.internal.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dashboard period: a day, an ISO week (Monday to Sunday), a calendar month or a quarter, from {@code start}
 * (inclusive) to {@link #end()} (exclusive). Days are the platform's business dates (Asia/Shanghai).
 */
public record Period(PeriodKind kind, LocalDate start) implements Comparable<Period> {

	public Period {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(start, "start");
		if (!start.equals(startOf(kind, start))) {
			throw new IllegalArgumentException(kind + " cannot start on " + start);
		}
	}

	/** The period of this kind that holds the date. */
	public static Period containing(PeriodKind kind, LocalDate date) {
		return new Period(kind, startOf(kind, date));
	}

	private static LocalDate startOf(PeriodKind kind, LocalDate date) {
		return switch (kind) {
			case DAY -> date;
			case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> date.withDayOfMonth(1);
			case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
		};
	}

	/** The first day after the period. */
	public LocalDate end() {
		return switch (kind) {
			case DAY -> start.plusDays(1);
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
			case QUARTER -> start.plusMonths(3);
		};
	}

	/** The last day in the period. */
	public LocalDate last() {
		return end().minusDays(1);
	}

	public int days() {
		return (int) ChronoUnit.DAYS.between(start, end());
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(start) && date.isBefore(end());
	}

	/** The period just before this one. */
	public Period previous() {
		return containing(kind, start.minusDays(1));
	}

	/** The period after this one. */
	public Period next() {
		return new Period(kind, end());
	}

	/**
	 * The same period a year earlier: the same date; the ISO week 52 weeks back (same weekdays); the same month or
	 * quarter of the previous year.
	 */
	public Period lastYear() {
		return switch (kind) {
			case DAY -> new Period(kind, start.minusYears(1));
			case WEEK -> new Period(kind, start.minusWeeks(52));
			case MONTH, QUARTER -> new Period(kind, start.minusYears(1));
		};
	}

	/** This period and the {@code count - 1} before it, oldest first. */
	public List<Period> trailing(int count) {
		var periods = new ArrayList<Period>(count);
		var p = this;
		for (int i = 0; i < count; i++) {
			periods.add(0, p);
			p = p.previous();
		}
		return periods;
	}

	@Override
	public int compareTo(Period other) {
		int c = start.compareTo(other.start);
		return c != 0 ? c : kind.compareTo(other.kind);
	}

	@Override
	public String toString() {
		return kind + ":" + start;
	}
}
