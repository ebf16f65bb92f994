package com.linli.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform clock reads the real time unless the simulator moves it, and views in other zones move with it. */
class PlatformClockTests {

	static final Instant REAL = Instant.parse("2026-11-23T06:00:00Z");

	final Clock real = Clock.fixed(REAL, ZoneId.of("Asia/Shanghai"));

	@Test
	void readsTheRealTimeUntilItTravels() {
		var clock = new PlatformClock(real);
		assertThat(clock.instant()).isEqualTo(REAL);
		assertThat(clock.millis()).isEqualTo(REAL.toEpochMilli());
		assertThat(clock.isTravelling()).isFalse();
		assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
	}

	@Test
	void travelsToAnInstantAndComesBackOnReset() {
		var clock = new PlatformClock(real);
		Instant past = REAL.minus(Duration.ofDays(3)).plusSeconds(1234);
		clock.travelTo(past);
		assertThat(clock.instant()).isEqualTo(past);
		assertThat(clock.millis()).isEqualTo(past.toEpochMilli());
		assertThat(clock.isTravelling()).isTrue();
		clock.reset();
		assertThat(clock.instant()).isEqualTo(REAL);
		assertThat(clock.isTravelling()).isFalse();
	}

	@Test
	void keepsTickingFromWhereItWasSet() throws InterruptedException {
		var clock = new PlatformClock(Clock.systemUTC());
		Instant past = Instant.parse("2026-11-20T02:00:00Z");
		clock.travelTo(past);
		Thread.sleep(20);
		assertThat(clock.instant()).isAfter(past).isBefore(past.plusSeconds(5));
	}

	@Test
	void aViewInAnotherZoneFollowsLaterTravels() {
		var clock = new PlatformClock(real);
		Clock utc = clock.withZone(ZoneOffset.UTC);
		assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
		Instant past = REAL.minus(Duration.ofDays(1));
		clock.travelTo(past);
		assertThat(utc.instant()).isEqualTo(past);
		assertThat(utc.withZone(clock.getZone())).isSameAs(clock);
		clock.reset();
		assertThat(utc.instant()).isEqualTo(REAL);
	}

	@Test
	void startsAtTheConfiguredInstantAndResetsBackToItsTimelineNotToTheRealTime() {
		Instant sunday = PlatformClock.parseStart("2030-01-06T03:00:00+08:00"); // not an instant the run itself may be pinned to
		assertThat(sunday).isEqualTo(Instant.parse("2030-01-05T19:00:00Z"));
		var clock = PlatformClock.startingAt(real, sunday);
		assertThat(clock.instant()).isEqualTo(sunday);
		assertThat(clock.isTravelling()).isFalse();
		clock.travelTo(sunday.minus(Duration.ofDays(3)));
		assertThat(clock.isTravelling()).isTrue();
		clock.reset();
		assertThat(clock.instant()).isEqualTo(sunday);
		assertThat(clock.millis()).isEqualTo(sunday.toEpochMilli());
		assertThat(clock.isTravelling()).isFalse();
	}

	@Test
	void clocksStartedAtTheSameInstantShareOneTimeline() throws InterruptedException {
		// an instant of its own: a -Dlinli.clock.start of the run may have fixed the timeline of its start already
		Instant wednesday = PlatformClock.parseStart("2031-03-05T15:00:00+08:00");
		var first = PlatformClock.startingAt(Clock.systemUTC(), wednesday);
		Thread.sleep(30);
		var later = PlatformClock.startingAt(Clock.systemUTC(), wednesday);
		assertThat(later.instant()).isAfterOrEqualTo(wednesday.plusMillis(30)).isBefore(wednesday.plusSeconds(5));
		assertThat(Duration.between(first.instant(), later.instant()).abs()).isLessThan(Duration.ofMillis(5));
	}

	@Test
	void aBlankStartIsTheRealTimeAndABadOneIsRefusedByName() {
		assertThat(PlatformClock.parseStart(" ")).isNull();
		assertThat(PlatformClock.startingAt(real, null).instant()).isEqualTo(REAL);
		assertThat(PlatformClock.parseStart("2026-12-05T19:00:00Z")).isEqualTo(Instant.parse("2026-12-05T19:00:00Z"));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlatformClock.parseStart("Sunday 3am"))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linli.clock.start");
	}
}
