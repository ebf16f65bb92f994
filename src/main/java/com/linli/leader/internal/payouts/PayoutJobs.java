package com.linli.leader.internal.payouts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.linli.leader.WithdrawalManagement;
import com.linli.leader.WithdrawalStatus;
import com.linli.leader.WithdrawalStatusChanged;
import com.linli.shared.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The money's clockwork: accruals mature when their after-sales window has passed (every 10 minutes by default,
 * {@code linli.leader.settlement.schedule}); an approved withdrawal is paid out right after its approval committed,
 * and approved withdrawals still unpaid after a while are retried (the payout is idempotent per withdrawal).
 * Each scheduled round runs under a {@link JobLock}, so one node runs it at a time.
 */
@Component
public class PayoutJobs {

	private static final Logger log = LoggerFactory.getLogger(PayoutJobs.class);

	private final Settlement settlement;

	private final WithdrawalManagement withdrawals;

	private final DataSource dataSource;

	private final Clock clock;

	PayoutJobs(Settlement settlement, WithdrawalManagement withdrawals, DataSource dataSource, Clock clock) {
		this.settlement = settlement;
		this.withdrawals = withdrawals;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	@Scheduled(cron = "${linli.leader.settlement.schedule:0 */10 * * * *}")
	void scheduled() {
		runOnce();
	}

	/** One round now: matures what is due and retries stuck payouts; answers how many accruals matured (-1: busy). */
	public int runOnce() {
		return runOnce(clock.instant());
	}

	/** One round as at {@code now} (tests and the demo name the instant). */
	public int runOnce(Instant now) {
		var lock = JobLock.tryAcquire(dataSource, "leader.settlement");
		if (lock.isEmpty()) {
			return -1;
		}
		try (var held = lock.get()) {
			int matured = settlement.matureDue(now);
			if (matured > 0) {
				log.info("Settlement: {} commission accruals became available", matured);
			}
			for (var id : withdrawals.unpaidApprovedBefore(now.minus(Duration.ofMinutes(5)))) {
				try {
					withdrawals.payOut(id);
				}
				catch (RuntimeException e) {
					log.warn("Payout of withdrawal {} failed to complete, retried next round: {}", id, e.toString());
				}
			}
			return matured;
		}
	}

	@ApplicationModuleListener
	void on(WithdrawalStatusChanged event) {
		if (event.to() == WithdrawalStatus.APPROVED) {
			withdrawals.payOut(event.withdrawalId());
		}
	}
}
