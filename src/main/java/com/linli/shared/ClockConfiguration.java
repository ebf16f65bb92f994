package com.linli.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the platform: inject {@link Clock} instead of calling now(), so tests can move
 * through a day. It is a {@link PlatformClock} (the real time unless the demo simulator replays
 * history); a test may still provide its own {@link Clock} bean instead.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean(Clock.class)
	PlatformClock clock(@Value("${linli.zone:Asia/Shanghai}") String zone) {
		return new PlatformClock(ZoneId.of(zone));
	}
}
