package com.linli.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the platform: inject {@link Clock} instead of calling now(), so tests can move
 * through a day. It is a {@link PlatformClock} (the real time unless the demo simulator replays
 * history); a test may still provide its own {@link Clock} bean instead.
 * <p>
 * {@code linli.clock.start} (e.g. {@code 2026-12-06T03:00:00+08:00}) starts the platform at that
 * instant instead of the real time, and lets it run on from there: the test suite runs pinned to a
 * Sunday night or a weekday afternoon with {@code ./mvnw verify -Dlinli.clock.start=...}.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(Clock.class)
	PlatformClock clock(@Value("${linli.zone:Asia/Shanghai}") String zone,
			@Value("${linli.clock.start:}") String start) {
		Instant startAt = PlatformClock.parseStart(start);
		if (startAt != null) {
			log.warn("The platform clock starts at {} (linli.clock.start), not at the real time", startAt);
		}
		return PlatformClock.startingAt(Clock.system(ZoneId.of(zone)), startAt);
	}
}
