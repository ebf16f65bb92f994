package com.linli.analytics.internal.tracking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import com.linli.shared.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily upkeep of the tracking partitions, under a {@link JobLock} (one node runs it; idempotent): the
 * partitions of today and the next {@code days-ahead} days exist, and those of days more than
 * {@code retention-days} before today are dropped. Runs at start and every night.
 */
@Component
class TrackingRetention {

	private static final Logger log = LoggerFactory.getLogger(TrackingRetention.class);

	private final TrackingPartitions partitions;

	private final DataSource dataSource;

	private final Clock clock;

	private final int retentionDays;

	private final int daysAhead;

	TrackingRetention(TrackingPartitions partitions, DataSource dataSource, Clock clock,
			@Value("${linli.analytics.tracking.retention-days:180}") int retentionDays,
			@Value("${linli.analytics.tracking.days-ahead:7}") int daysAhead) {
		this.partitions = partitions;
		this.dataSource = dataSource;
		this.clock = clock;
		this.retentionDays = retentionDays;
		this.daysAhead = daysAhead;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		run();
	}

	@Scheduled(cron = "${linli.analytics.tracking.schedule:0 10 2 * * *}", zone = "${linli.zone:Asia/Shanghai}")
	void nightly() {
		run();
	}

	/** One round; answers the days dropped (empty when another node holds the lock). */
	List<LocalDate> run() {
		var lock = JobLock.tryAcquire(dataSource, "analytics.tracking-partitions");
		if (lock.isEmpty()) {
			return List.of();
		}
		try (var held = lock.get()) {
			LocalDate today = LocalDate.now(clock);
			for (int i = 0; i <= daysAhead; i++) {
				partitions.ensure(today.plusDays(i));
			}
			return partitions.dropBefore(firstKept(today));
		}
		catch (RuntimeException e) {
			log.warn("Tracking: partition upkeep failed: {}", e.toString());
			throw e;
		}
	}

	/** The oldest day kept: today and the {@code retention-days - 1} days before it. */
	LocalDate firstKept(LocalDate today) {
		return today.minusDays(retentionDays - 1L);
	}
}
