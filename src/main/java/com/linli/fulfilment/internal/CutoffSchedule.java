package com.linli.fulfilment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.linli.fulfilment.CutoffRun;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import com.linli.ordering.CutoffDue;
import com.linli.ordering.OrderCutoffManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute: the cutoff of each region and pickup date whose paid orders have all passed their
 * cutoff time, and the resumption of runs left unfinished (by a crash or a restart) for over a minute.
 * Set {@code linli.fulfilment.cutoff.schedule=-} to switch it off (the tests run cutoffs themselves).
 */
@Component
class CutoffSchedule {

	private static final Logger log = LoggerFactory.getLogger(CutoffSchedule.class);

	/** A run that made no progress for this long is taken to have stopped. */
	static final Duration STALE = Duration.ofMinutes(1);

	/** Who runs the scheduled cutoffs: the platform itself. */
	static final Actor SCHEDULER = Actor.system("cutoff-scheduler");

	private final OrderCutoffManagement orders;

	private final CutoffRuns runs;

	private final CutoffRunner runner;

	private final Clock clock;

	CutoffSchedule(OrderCutoffManagement orders, CutoffRuns runs, CutoffRunner runner, Clock clock) {
		this.orders = orders;
		this.runs = runs;
		this.runner = runner;
		this.clock = clock;
	}

	@Scheduled(cron = "${linli.fulfilment.cutoff.schedule:0 * * * * *}")
	void everyMinute() {
		runDue(clock.instant());
	}

	/** Runs what is due at {@code now}; returns how many runs completed. */
	int runDue(Instant now) {
		int completed = 0;
		for (CutoffDue due : orders.dueForCutoff(now)) {
			completed += attempt(due.regionId(), due.pickupDate());
		}
		for (CutoffRun run : runs.running()) {
			if (run.updatedAt().isBefore(now.minus(STALE))) {
				completed += attempt(run.regionId(), run.pickupDate());
			}
		}
		return completed;
	}

	private int attempt(RegionId region, LocalDate pickupDate) {
		try {
			return runner.run(region, pickupDate, SCHEDULER).map(run -> run.isCompleted() ? 1 : 0).orElse(0);
		}
		catch (RuntimeException e) {
			log.error("Scheduled cutoff of region {} for {} failed; it resumes on the next attempt", region, pickupDate, e);
			return 0;
		}
	}
}
