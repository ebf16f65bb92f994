package com.linli.inventory.internal;

import com.linli.identity.Actor;
import com.linli.inventory.AlertManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes safety stock and alerts every hour (the console has a button for now). Set
 * {@code linli.inventory.alerts.schedule=-} to switch it off (the tests recompute themselves).
 */
@Component
class AlertSchedule {

	private static final Logger log = LoggerFactory.getLogger(AlertSchedule.class);

	private final AlertManagement alerts;

	AlertSchedule(AlertManagement alerts) {
		this.alerts = alerts;
	}

	@Scheduled(cron = "${linli.inventory.alerts.schedule:0 20 * * * *}")
	void recompute() {
		var result = alerts.recompute(Actor.system("alert-schedule"));
		log.info("Stock alerts recomputed: {} open, {} new, {} resolved", result.open(), result.raised(), result.resolved());
	}
}
