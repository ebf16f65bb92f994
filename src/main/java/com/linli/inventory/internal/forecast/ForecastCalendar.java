package com.linli.inventory.internal.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Which days the shop (or region) is closed: no sale, so no demand to forecast and no day to learn
 * from. Built from the past alone plus holidays known in advance (a public-holiday list): weekdays
 * without any sale in the last eight weeks are closed every week (the retail data's Saturdays, a
 * region without Sunday sessions); past days without any sale in the group are closed days
 * (Christmas, bank holidays), and so are the given holidays.
 */
public final class ForecastCalendar {

	/** How many weeks back a weekday must have had no sale at all to count as closed every week. */
	static final int WEEKS = 8;

	private final LocalDate start;

	private final int historyDays;

	private final boolean[] closedPast;

	private final Set<DayOfWeek> closedWeekdays;

	private final Set<LocalDate> holidays;

	private ForecastCalendar(LocalDate start, boolean[] closedPast, Set<DayOfWeek> closedWeekdays,
			Set<LocalDate> holidays) {
		this.start = start;
		this.historyDays = closedPast.length;
		this.closedPast = closedPast;
		this.closedWeekdays = closedWeekdays;
		this.holidays = holidays;
	}

	/** A calendar where every day is open except the given holidays. */
	public static ForecastCalendar open(LocalDate start, int historyDays, Set<LocalDate> holidays) {
		boolean[] closed = new boolean[historyDays];
		for (int t = 0; t < historyDays; t++) {
			closed[t] = holidays.contains(start.plusDays(t));
		}
		return new ForecastCalendar(start, closed, EnumSet.noneOf(DayOfWeek.class), Set.copyOf(holidays));
	}

	/**
	 * Learns the calendar from the group's past (the sum of its series, {@code totals[t]} on day
	 * {@code start + t}), with {@code holidays} known in advance.
	 */
	public static ForecastCalendar learn(LocalDate start, double[] totals, Set<LocalDate> holidays) {
		boolean[] closed = new boolean[totals.length];
		for (int t = 0; t < totals.length; t++) {
			closed[t] = totals[t] <= 0;
		}
		return fromClosedDays(start, closed, holidays);
	}

	/**
	 * The calendar from the days known to have been closed ({@code closed[t]} for day {@code start + t},
	 * e.g. the days a region ran no cutoff), with {@code holidays} known in advance.
	 */
	public static ForecastCalendar fromClosedDays(LocalDate start, boolean[] closedDays, Set<LocalDate> holidays) {
		int n = closedDays.length;
		boolean[] closed = new boolean[n];
		for (int t = 0; t < n; t++) {
			closed[t] = closedDays[t] || holidays.contains(start.plusDays(t));
		}
		Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
		if (n >= 7 * WEEKS) {
			for (DayOfWeek d : DayOfWeek.values()) {
				boolean open = false;
				for (int t = n - 7 * WEEKS; t < n; t++) {
					if (start.plusDays(t).getDayOfWeek() == d && !closedDays[t]) {
						open = true;
					}
				}
				if (!open) {
					weekdays.add(d);
				}
			}
		}
		return new ForecastCalendar(start, closed, weekdays, new HashSet<>(holidays));
	}

	/**
	 * The calendar as it was known before day {@code days} (a validation origin): the closed days up to
	 * then, weekdays closed in the eight weeks before, the same holidays.
	 */
	public ForecastCalendar upTo(int days) {
		if (days > historyDays) {
			throw new IllegalArgumentException("the calendar knows " + historyDays + " days, not " + days);
		}
		return fromClosedDays(start, java.util.Arrays.copyOf(closedPast, days), holidays);
	}

	/** How many past days the calendar knows. */
	public int historyDays() {
		return historyDays;
	}

	public LocalDate start() {
		return start;
	}

	public LocalDate date(int t) {
		return start.plusDays(t);
	}

	/** Day {@code t} counted from the start; days before {@code historyDays} are the past. */
	public boolean closed(int t) {
		if (t < historyDays) {
			return closedPast[t];
		}
		LocalDate d = date(t);
		return closedWeekdays.contains(d.getDayOfWeek()) || holidays.contains(d);
	}

	public Set<DayOfWeek> closedWeekdays() {
		return Set.copyOf(closedWeekdays);
	}
}
