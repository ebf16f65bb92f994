package com.linli.leader.internal.payouts;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import com.linli.leader.LeaderId;
import com.linli.leader.LeaderLedgerMismatch;
import com.linli.network.RegionId;
import com.linli.shared.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nightly check that every leader's money adds up: accrued − reversed − withdrawn (in flight and paid) =
 * pending + available, pending = the unmatured accruals' net, withdrawn = the withdrawals' amounts, and accrued −
 * reversed = the sum of the ledger's entries of every kind (accruals, reversals, the incentives' referral commission
 * and its reversals, referral and contest rewards: these are settled like accruals, rewards matured at once). A leader who
 * does not balance is logged and published as {@link LeaderLedgerMismatch}; nothing is corrected automatically.
 */
@Component
public class LedgerReconciliation {

	private static final Logger log = LoggerFactory.getLogger(LedgerReconciliation.class);

	private final Balances balances;

	private final ApplicationEventPublisher events;

	private final DataSource dataSource;

	private final Clock clock;

	LedgerReconciliation(Balances balances, ApplicationEventPublisher events, DataSource dataSource, Clock clock) {
		this.balances = balances;
		this.events = events;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	@Scheduled(cron = "${linli.leader.reconciliation.schedule:0 40 2 * * *}", zone = "${linli.zone:Asia/Shanghai}")
	void nightly() {
		var lock = JobLock.tryAcquire(dataSource, "leader.ledger-reconciliation");
		if (lock.isEmpty()) {
			return;
		}
		try (var held = lock.get()) {
			run(null);
		}
	}

	/** Checks one leader ({@code null}: all) in one snapshot; answers the mismatches found (and published). */
	@Transactional(isolation = Isolation.REPEATABLE_READ)
	public List<LeaderLedgerMismatch> run(LeaderId only) {
		var mismatches = balances.checks(only).stream().filter(c -> !c.balances()).map(c -> new LeaderLedgerMismatch(
				c.leaderId(), new RegionId(c.regionId()), c.accrued(), c.reversed(), c.inFlight().plus(c.paid()),
				c.pending(), c.available(), "pending by entries " + c.pendingByEntries() + ", in flight by withdrawals "
						+ c.inFlightByWithdrawals() + ", paid by withdrawals " + c.paidByWithdrawals()
						+ ", entries of every kind " + c.entriesTotal(),
				clock.instant())).toList();
		for (var m : mismatches) {
			log.error("Leader {} ledger does not balance: accrued {} − reversed {} − withdrawn {} ≠ pending {} + available {} ({})",
					m.leaderId(), m.accrued(), m.reversed(), m.withdrawn(), m.pending(), m.available(), m.detail());
			events.publishEvent(m);
		}
		return mismatches;
	}
}
