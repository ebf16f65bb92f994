package com.linli.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

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
 */
public final class PlatformClock extends Clock {

	private final Clock system;

	private volatile Duration offset = Duration.ZERO;

	public PlatformClock(ZoneId zone) {
		this(Clock.system(zone));
	}

	/** Over another base clock (tests). */
	public PlatformClock(Clock system) {
		this.system = Objects.requireNonNull(system, "system");
	}

	/** Simulator only: from now on the clock reads {@code instant}, and runs on from there. */
	public void travelTo(Instant instant) {
		offset = Duration.between(system.instant(), Objects.requireNonNull(instant, "instant"));
	}

	/** Simulator only: back to the real time. */
	public void reset() {
		offset = Duration.ZERO;
	}

	/** True while the clock is set away from the real time. */
	public boolean isTravelling() {
		return !offset.isZero();
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
		return "PlatformClock[" + getZone() + (isTravelling() ? ", travelled by " + offset : "") + "]";
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
