package com.linli.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's one clock: the system clock plus an offset that is zero in normal operation, so
 * every module that injects {@link Clock} reads the real time.
 * <p>
 * Only the demo simulator moves it ({@link #travelTo}, {@link #reset}): when it replays a few days of
 * history on the first start into an empty database, it sets this clock to each simulated instant in
 * the past, so that orders, payments, pickups, commissions and messages carry the times they would
 * have had; it resets the clock before the demo banner ("demo city ready") prints. Whoever uses the
 * application during that minute sees the simulated time. No other code may call either method. While travelled the clock keeps ticking at the
 * real pace from the instant it was set to; {@link #withZone} views share the offset.
 * <p>
 * A clock made by {@link #startingAt} (property {@code linli.clock.start}) reads that instant when it
 * starts and runs on from there: its "real time" is that timeline, and {@link #reset} comes back to it.
 * Tests pin the platform to a Sunday night or a Wednesday afternoon this way. Every clock started at the
 * same instant in one JVM shares one timeline (the first fixes when that instant was), so the Spring
 * contexts of a test JVM and the tests' own dates agree.
 */
public final class PlatformClock extends Clock {

	/** Start instant -> offset from the system clock, fixed by the first clock started there in this JVM. */
	private static final Map<Instant, Duration> TIMELINES = new ConcurrentHashMap<>();

	private final Clock system;

	/** The offset of this clock's own timeline: zero for the real time, else from {@code linli.clock.start}. */
	private final Duration base;

	private volatile Duration offset;

	public PlatformClock(ZoneId zone) {
		this(Clock.system(zone));
	}

	/** Over another base clock (tests). */
	public PlatformClock(Clock system) {
		this(system, Duration.ZERO);
	}

	private PlatformClock(Clock system, Duration base) {
		this.system = Objects.requireNonNull(system, "system");
		this.base = base;
		this.offset = base;
	}

	/**
	 * A clock that reads {@code start} now (or, if another clock of this JVM already started there, where
	 * that one has got to) and runs on at the real pace; {@code null} is the real time.
	 */
	public static PlatformClock startingAt(Clock system, Instant start) {
		if (start == null) {
			return new PlatformClock(system);
		}
		Duration base = TIMELINES.computeIfAbsent(start, s -> Duration.between(system.instant(), s));
		return new PlatformClock(system, base);
	}

	/**
	 * The instant in {@code linli.clock.start}: an ISO date-time with offset ({@code 2026-12-06T03:00:00+08:00})
	 * or an instant ({@code 2026-12-05T19:00:00Z}); blank means the real time ({@code null}).
	 */
	public static Instant parseStart(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return Instant.parse(value.strip());
			}
			catch (DateTimeParseException again) {
				throw new IllegalArgumentException("linli.clock.start must be an ISO date-time with an offset, "
						+ "e.g. 2026-12-06T03:00:00+08:00, not '" + value + "'", again);
			}
		}
	}

	/** Simulator only: from now on the clock reads {@code instant}, and runs on from there. */
	public void travelTo(Instant instant) {
		offset = Duration.between(system.instant(), Objects.requireNonNull(instant, "instant"));
	}

	/** Simulator only: back to the real time (the timeline of {@code linli.clock.start} when set). */
	public void reset() {
		offset = base;
	}

	/** True while the clock is set away from its own timeline. */
	public boolean isTravelling() {
		return !offset.equals(base);
	}

	@Override
	public Instant instant() {
		Duration current = offset;
		return current.isZero() ? system.instant() : system.instant().plus(current);
	}

	@Override
	public long millis() {
		return system.millis() + offset.toMillis();
	}

	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	/** A view in another zone that moves with this clock (a fixed copy would miss later travels). */
	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(getZone()) ? this : new Zoned(this, zone);
	}

	@Override
	public String toString() {
		return "PlatformClock[" + getZone() + (base.isZero() ? "" : ", started " + base + " away")
				+ (isTravelling() ? ", travelled by " + offset : "") + "]";
	}

	private static final class Zoned extends Clock {

		private final PlatformClock clock;

		private final ZoneId zone;

		Zoned(PlatformClock clock, ZoneId zone) {
			this.clock = clock;
			this.zone = zone;
		}

		@Override
		public Instant instant() {
			return clock.instant();
		}

		@Override
		public long millis() {
			return clock.millis();
		}

		@Override
		public ZoneId getZone() {
			return zone;
		}

		@Override
		public Clock withZone(ZoneId other) {
			return clock.withZone(other);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Zoned z && z.clock == clock && z.zone.equals(zone);
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(clock) * 31 + zone.hashCode();
		}
	}
}
