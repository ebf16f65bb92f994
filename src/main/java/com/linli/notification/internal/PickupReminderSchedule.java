package com.linli.notification.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the pickup reminders every {@code linli.notification.reminder-interval} (default hourly);
 * {@code linli.notification.reminders.enabled=false} switches the schedule off (tests run the
 * reminders at the instants they choose).
 */
@Component
@ConditionalOnProperty(name = "linli.notification.reminders.enabled", havingValue = "true", matchIfMissing = true)
class PickupReminderSchedule {

	private static final Logger log = LoggerFactory.getLogger(PickupReminderSchedule.class);

	private final PickupReminders reminders;

	private final Clock clock;

	PickupReminderSchedule(PickupReminders reminders, Clock clock) {
		this.reminders = reminders;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${linli.notification.reminder-interval:PT1H}",
			initialDelayString = "${linli.notification.reminder-initial-delay:PT5M}")
	void run() {
		Instant now = clock.instant();
		int reminded = reminders.remindResidents(now);
		int summaries = reminders.summariseForLeaders(now);
		if (reminded > 0 || summaries > 0) {
			log.info("Pickup reminders: {} resident(s) reminded, {} leader summary(ies) sent", reminded, summaries);
		}
	}
}
