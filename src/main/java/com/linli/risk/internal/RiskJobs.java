package com.linli.risk.internal;

import java.util.List;

import javax.sql.DataSource;

import com.linli.leader.WithdrawalRequested;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.shared.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the rules run: every hour over every active region (one node at a time, {@link JobLock}; progress logged
 * per region), and at once for the leader's region when a withdrawal is requested, so a payout is not approved
 * before the rules saw the leader's latest orders.
 */
@Component
class RiskJobs {

	private static final Logger log = LoggerFactory.getLogger(RiskJobs.class);

	private final RiskEvaluation evaluation;

	private final RegionManagement regions;

	private final DataSource dataSource;

	RiskJobs(RiskEvaluation evaluation, RegionManagement regions, DataSource dataSource) {
		this.evaluation = evaluation;
		this.regions = regions;
		this.dataSource = dataSource;
	}

	@Scheduled(cron = "${linli.risk.schedule:0 40 * * * *}", zone = "${linli.zone:Asia/Shanghai}")
	void evaluateAll() {
		var lock = JobLock.tryAcquire(dataSource, "risk-evaluation");
		if (lock.isEmpty()) {
			return;
		}
		try (var held = lock.get()) {
			List<Region> active = regions.regions().stream().filter(Region::active).toList();
			for (int i = 0; i < active.size(); i++) {
				try {
					evaluation.run(active.get(i).id());
				}
				catch (RuntimeException e) {
					log.warn("Risk evaluation of region {} failed: {}", active.get(i).id(), e.getMessage());
				}
				log.info("Risk evaluation: {}% ({} of {} regions)", (i + 1) * 100 / active.size(), i + 1, active.size());
			}
		}
	}

	@ApplicationModuleListener
	void on(WithdrawalRequested requested) {
		evaluation.run(requested.regionId());
	}
}
