package com.linli.logistics.internal.tracking;

import java.time.Clock;

import javax.sql.DataSource;

import com.linli.identity.Actor;
import com.linli.logistics.RouteExecution;
import com.linli.logistics.TrackingManagement;
import com.linli.logistics.internal.driving.DrivingRecords;
import com.linli.shared.JobLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute, on one node at a time (the job lock): re-evaluates the window alerts of the routes on their way or
 * due to have left (time passes without a driver event), and completes a route whose last two stops were done at
 * the same instant. Idempotent: an alert is raised once per stop.
 */
@Component
class TrackingJob {

	private static final Logger log = LoggerFactory.getLogger(TrackingJob.class);

	private final TrackingManagement tracking;

	private final RouteExecution execution;

	private final DrivingRecords records;

	private final DataSource dataSource;

	private final Clock clock;

	TrackingJob(TrackingManagement tracking, RouteExecution execution, DrivingRecords records, DataSource dataSource,
			Clock clock) {
		this.tracking = tracking;
		this.execution = execution;
		this.records = records;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${linli.logistics.tracking-interval:PT1M}", initialDelayString = "PT1M")
	void run() {
		var lock = JobLock.tryAcquire(dataSource, "logistics.tracking");
		if (lock.isEmpty()) {
			return;
		}
		try (var held = lock.get()) {
			sweep();
		}
	}

	/** One round; the number of alerts raised. */
	int sweep() {
		int raised = 0;
		for (long id : records.dispatchedWithAllStopsDone()) {
			execution.completeIfDone(id, clock.instant());
		}
		for (long id : tracking.routesToWatch()) {
			try {
				raised += tracking.evaluate(id);
			}
			catch (RuntimeException e) {
				log.warn("Tracking route {} ({}): {}", id, Actor.system("logistics-tracking"), e.toString());
			}
		}
		return raised;
	}
}
