package com.linli.analytics.internal.alerts;

import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

import com.linli.shared.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Evaluates the alert rules every hour ({@code linli.analytics.alerts.schedule}) under a {@link JobLock}; each rule
 * fires at most once per period, so the hourly reruns add nothing once a period has been judged. The day is the
 * platform's business day (its zone).
 */
@Component
class AlertJob {

	private static final Logger log = LoggerFactory.getLogger(AlertJob.class);

	private final MetricAlertManagement alerts;

	private final DataSource dataSource;

	private final Clock clock;

	AlertJob(MetricAlertManagement alerts, DataSource dataSource, Clock clock) {
		this.alerts = alerts;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	@Scheduled(cron = "${linli.analytics.alerts.schedule:0 10 * * * *}", zone = "${linli.zone:Asia/Shanghai}")
	void evaluate() {
		var lock = JobLock.tryAcquire(dataSource, "analytics.alerts");
		if (lock.isEmpty()) {
			return;
		}
		try (var held = lock.get()) {
			int raised = alerts.evaluate(LocalDate.now(clock));
			if (raised > 0) {
				log.info("Alerts: {} raised", raised);
			}
		}
	}
}
