package com.linli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.linli.shared.PlatformClock;

/**
 * The time for test code that has no Spring context at hand: the same timeline as the platform clock of
 * every context in this JVM, so with {@code -Dlinli.clock.start=2026-12-06T03:00:00+08:00} it reads that
 * Sunday night, not the wall clock. Test code never calls {@code now()} without a clock: it injects the
 * context's {@link Clock} or uses this one.
 */
public final class TestClock {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Clock CLOCK = PlatformClock.startingAt(Clock.system(ZONE),
			PlatformClock.parseStart(System.getProperty("linli.clock.start")));

	private TestClock() {
	}

	public static Clock clock() {
		return CLOCK;
	}

	public static Instant now() {
		return CLOCK.instant();
	}

	/** Today in the platform's zone. */
	public static LocalDate today() {
		return LocalDate.now(CLOCK);
	}
}
