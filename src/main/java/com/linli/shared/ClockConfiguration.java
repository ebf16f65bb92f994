package com.linli.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the platform: inject {@link Clock} instead of calling now(), so tests can move through a day. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock(@Value("${linli.zone:Asia/Shanghai}") String zone) {
		return Clock.system(ZoneId.of(zone));
	}
}
