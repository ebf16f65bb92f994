package com.linli.leader.internal.incentives;

import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import com.linli.identity.Actor;
import com.linli.leader.LeaderContestManagement;
import com.linli.leader.PayoutRules;
import com.linli.leader.LeaderReferralManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The incentives' clockwork, each round under a {@link JobLock}: referral rewards due are paid (every hour by
 * default, {@code linli.leader.referral.schedule}); contests whose month ended more than the settlement window ago
 * are closed and paid (daily, {@code linli.leader.contest.schedule}). Both are rerun-safe: a reward is paid once
 * whatever runs twice (the referral's row and the ledger's unique reference), a contest closes once.
 */
@Component
public class IncentiveJobs {

	private static final Logger log = LoggerFactory.getLogger(IncentiveJobs.class);

	private final LeaderReferralManagement referrals;

	private final LeaderContestManagement contests;

	private final PayoutRules payout;

	private final DataSource dataSource;

	private final Clock clock;

	IncentiveJobs(LeaderReferralManagement referrals, LeaderContestManagement contests, PayoutRules payout, DataSource dataSource,
			Clock clock) {
		this.referrals = referrals;
		this.contests = contests;
		this.payout = payout;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	@Scheduled(cron = "${linli.leader.referral.schedule:0 5 * * * *}")
	void scheduledRewards() {
		payReferralRewards();
	}

	@Scheduled(cron = "${linli.leader.contest.schedule:0 20 3 * * *}", zone = "${linli.zone:Asia/Shanghai}")
	void scheduledContests() {
		closeContests();
	}

	/** One round of referral rewards: answers how many were paid (-1: another round holds the lock). */
	public int payReferralRewards() {
		var lock = JobLock.tryAcquire(dataSource, "leader.referral-rewards");
		if (lock.isEmpty()) {
			return -1;
		}
		try (var held = lock.get()) {
			int paid = 0;
			for (long id : referrals.rewardCandidates(clock.instant())) {
				try {
					paid += referrals.payRewardIfDue(id) ? 1 : 0;
				}
				catch (RuntimeException e) {
					log.warn("Referral {}: reward not paid this round: {}", id, e.toString());
				}
			}
			if (paid > 0) {
				log.info("Referral rewards: {} paid", paid);
			}
			return paid;
		}
	}

	/** One round of contest closing: answers how many were closed (-1: another round holds the lock). */
	public int closeContests() {
		var lock = JobLock.tryAcquire(dataSource, "leader.contest-close");
		if (lock.isEmpty()) {
			return -1;
		}
		try (var held = lock.get()) {
			Instant now = clock.instant();
			int closed = 0;
			for (var id : contests.dueToClose(now, payout.window().toDays())) {
				try {
					contests.close(Actor.system("contest-close"), id);
					closed++;
				}
				catch (BusinessRuleException e) {
					log.info("Contest {} not closed: {}", id, e.code());
				}
			}
			return closed;
		}
	}
}
