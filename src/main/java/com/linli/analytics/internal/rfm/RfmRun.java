package com.linli.analytics.internal.rfm;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.ordering.ResidentOrderFigures;
import com.linli.shared.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly RFM run ({@code linli.analytics.rfm.schedule}, 02:40): for every region, one grouped query of its
 * buyers (ordering's {@link ResidentOrderFigures}), scored and segmented ({@link RfmScoring}), stored as the
 * residents' current scores plus the day's segment snapshot, in one transaction per region. Under a {@link JobLock}
 * (one node runs it); a rerun the same day replaces that day's scores and snapshot. Progress is logged per region.
 */
@Component
public class RfmRun {

	private static final Logger log = LoggerFactory.getLogger(RfmRun.class);

	/** Frequency and monetary value count the orders of this many days up to the run's day. */
	public static final int WINDOW_DAYS = 365;

	private final ResidentOrderFigures figures;

	private final RfmScores scores;

	private final RegionManagement regions;

	private final TransactionTemplate transaction;

	private final DataSource dataSource;

	private final Clock clock;

	RfmRun(ResidentOrderFigures figures, RfmScores scores, RegionManagement regions, TransactionTemplate transaction,
			DataSource dataSource, Clock clock) {
		this.figures = figures;
		this.scores = scores;
		this.regions = regions;
		this.transaction = transaction;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	@Scheduled(cron = "${linli.analytics.rfm.schedule:0 40 2 * * *}", zone = "${linli.zone:Asia/Shanghai}")
	void nightly() {
		var lock = JobLock.tryAcquire(dataSource, "analytics.rfm");
		if (lock.isEmpty()) {
			return;
		}
		try (var held = lock.get()) {
			List<Region> all = regions.regions();
			for (int i = 0; i < all.size(); i++) {
				Region region = all.get(i);
				// yesterday's orders are the last complete day in the region's zone
				LocalDate asOf = LocalDate.now(clock.withZone(region.zone())).minusDays(1);
				int scored = run(region.id(), asOf);
				log.info("RFM: region {} ({}/{}, {}%): {} residents scored as of {}", region.id().value(), i + 1,
						all.size(), (i + 1) * 100 / all.size(), scored, asOf);
			}
		}
	}

	/** Scores the region's buyers as of the day and stores them; the number of residents scored. */
	public int run(RegionId region, LocalDate asOf) {
		long started = System.nanoTime();
		var buyers = figures.buyers(region, asOf, WINDOW_DAYS);
		var scored = RfmScoring.score(buyers, asOf);
		transaction.executeWithoutResult(s -> scores.replace(region.value(), asOf, scored));
		log.debug("RFM region {}: {} residents in {} ms", region.value(), scored.size(),
				(System.nanoTime() - started) / 1_000_000);
		return scored.size();
	}

}
