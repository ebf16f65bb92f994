package com.linli.analytics.internal.facts;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.sql.DataSource;

import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.shared.JobLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, under a job lock (one node of several), the facts of the last seven days up to yesterday are rebuilt
 * for every active region: late refunds and any event lost on the way are brought in line with the orders. The
 * processed-event keys older than 90 days are forgotten. Idempotent: a repeated run writes the same rows.
 */
@Component
class FactsNightly {

	private static final Logger log = LoggerFactory.getLogger(FactsNightly.class);

	static final int DAYS = 7;

	private final FactsRebuild rebuild;

	private final FactsWriter writer;

	private final RegionManagement regions;

	private final DataSource dataSource;

	private final Clock clock;

	private final ZoneId zone;

	FactsNightly(FactsRebuild rebuild, FactsWriter writer, RegionManagement regions, DataSource dataSource, Clock clock,
			@Value("${linli.zone:Asia/Shanghai}") String zone) {
		this.rebuild = rebuild;
		this.writer = writer;
		this.regions = regions;
		this.dataSource = dataSource;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@Scheduled(cron = "${linli.analytics.facts-cron:0 20 2 * * *}", zone = "${linli.zone:Asia/Shanghai}")
	void nightly() {
		run();
	}

	/** Runs once; false when another node holds the lock. */
	boolean run() {
		var lock = JobLock.tryAcquire(dataSource, "linli.analytics.facts-rebuild");
		if (lock.isEmpty()) {
			return false;
		}
		try (JobLock held = lock.get()) {
			LocalDate yesterday = LocalDate.ofInstant(clock.instant(), zone).minusDays(1);
			var active = regions.regions().stream().filter(Region::active).toList();
			int done = 0;
			for (Region region : active) {
				rebuild.rebuild(region.id(), yesterday.minusDays(DAYS - 1), yesterday);
				done++;
				log.info("Nightly facts rebuild: {}% ({} of {} regions)", done * 100 / active.size(), done, active.size());
			}
			writer.prune(clock.instant().minus(Duration.ofDays(90)));
			return true;
		}
	}
}
