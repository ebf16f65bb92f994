package com.linli.supply;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** Scorecard periods: ISO weeks (Monday to Sunday) or calendar months. */
public enum ScorePeriod {
	WEEK, MONTH;

	public LocalDate start(LocalDate day) {
		return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
	}

	/** The first day after the period. */
	public LocalDate end(LocalDate day) {
		return this == WEEK ? start(day).plusWeeks(1) : start(day).plusMonths(1);
	}

	public LocalDate previous(LocalDate start) {
		return this == WEEK ? start.minusWeeks(1) : start.minusMonths(1);
	}

	/** "2026-W47" or "2026-11". */
	public String label(LocalDate day) {
		LocalDate s = start(day);
		return this == WEEK ? String.format("%d-W%02d", s.get(IsoFields.WEEK_BASED_YEAR), s.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
				: String.format("%d-%02d", s.getYear(), s.getMonthValue());
	}
}
