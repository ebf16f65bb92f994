package com.linli.leader.internal.levels;

import java.time.Clock;

import javax.sql.DataSource;

import com.linli.identity.Actor;
import com.linli.leader.LevelManagement;
import com.linli.leader.PenaltyManagement;
import com.linli.shared.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The levels' clockwork, each round under a {@link JobLock} (one node at a time; both rounds are rerun-safe): the
 * levels of the new month on the first of each month ({@code linli.leader.levels.schedule}), the penalty rules
 * every night ({@code linli.leader.penalties.schedule}).
 */
@Component
class LevelJobs {

	private static final Logger log = LoggerFactory.getLogger(LevelJobs.class);

	private final LevelManagement levels;

	private final PenaltyManagement penalties;

	private final DataSource dataSource;

	private final Clock clock;

	LevelJobs(LevelManagement levels, PenaltyManagement penalties, DataSource dataSource, Clock clock) {
		this.levels = levels;
		this.penalties = penalties;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	@Scheduled(cron = "${linli.leader.levels.schedule:0 30 2 1 * *}", zone = "${linli.zone:Asia/Shanghai}")
	void monthlyLevels() {
		var lock = JobLock.tryAcquire(dataSource, "leader.levels");
		if (lock.isEmpty()) {
			return;
		}
		try (var held = lock.get()) {
			log.info("Levels: {} leaders computed", levels.recomputeAll(Actor.system("leader-levels")));
		}
	}

	@Scheduled(cron = "${linli.leader.penalties.schedule:0 15 3 * * *}", zone = "${linli.zone:Asia/Shanghai}")
	void nightlyPenalties() {
		var lock = JobLock.tryAcquire(dataSource, "leader.penalties");
		if (lock.isEmpty()) {
			return;
		}
		try (var held = lock.get()) {
			penalties.evaluate(Actor.system("leader-penalties"), clock.instant());
		}
	}
}
