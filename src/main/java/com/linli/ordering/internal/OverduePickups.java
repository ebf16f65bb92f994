package com.linli.ordering.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a pickup is overdue: an order ready at its pickup point for longer than
 * {@code linli.ordering.pickup-overdue-days} (default 2) and still not picked up is flagged to the
 * operators of its region, who call the resident or the leader.
 */
@Component
public class OverduePickups {

	private final int days;

	private final Clock clock;

	OverduePickups(@Value("${linli.ordering.pickup-overdue-days:2}") int days, Clock clock) {
		if (days < 1 || days > 60) {
			throw new IllegalStateException("linli.ordering.pickup-overdue-days must be 1 to 60, not " + days);
		}
		this.days = days;
		this.clock = clock;
	}

	public int days() {
		return days;
	}

	/** Orders that became ready before this instant are overdue now. */
	public Instant readyBefore() {
		return clock.instant().minus(Duration.ofDays(days));
	}
}
