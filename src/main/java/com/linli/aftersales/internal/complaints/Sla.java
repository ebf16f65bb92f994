package com.linli.aftersales.internal.complaints;

import java.time.Duration;
import java.time.Instant;

/** SLA arithmetic of one clock: due time, when it stopped (null: still running), what is left at a moment. */
public final class Sla {

	private Sla() {
	}

	/** Whether the clock was kept: stopped at or before its due time. */
	public static boolean kept(Instant due, Instant stoppedAt) {
		return stoppedAt != null && !stoppedAt.isAfter(due);
	}

	/**
	 * What is left of a running clock at {@code now}: positive while time is left, negative once overdue (by that
	 * much); null when the clock stopped.
	 */
	public static Duration left(Instant due, Instant stoppedAt, Instant now) {
		return stoppedAt != null ? null : Duration.between(now, due);
	}

	/** "1h05m", "3m", "2d4h" — a short span for the timers (always positive; the caller says overdue or left). */
	public static String span(Duration d) {
		long minutes = Math.abs(d.toMinutes());
		long days = minutes / (24 * 60);
		long hours = (minutes / 60) % 24;
		long mins = minutes % 60;
		if (days > 0) {
			return days + "d" + hours + "h";
		}
		if (hours > 0) {
			return hours + "h" + String.format("%02d", mins) + "m";
		}
		return mins + "m";
	}
}
