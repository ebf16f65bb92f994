package com.linli.marketing.internal.teams;

import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import com.linli.marketing.TeamStatus;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes the OPEN teams whose deadline has come: each in its own transaction, under a database lock (one
 * run at a time across nodes). A team already closed, or changed while being closed, is skipped and, if
 * still due, taken on the next run: running again changes nothing.
 */
@Component
public class TeamDeadlines {

	private static final Logger log = LoggerFactory.getLogger(TeamDeadlines.class);

	private static final int BATCH = 200;

	private final Teams teams;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final Clock clock;

	TeamDeadlines(Teams teams, DataSource dataSource, TransactionTemplate tx, Clock clock) {
		this.teams = teams;
		this.dataSource = dataSource;
		this.tx = tx;
		this.clock = clock;
	}

	/** Closes every team due now; answers how many it closed (0 when another run holds the lock). */
	public int closeDue() {
		var lock = JobLock.tryAcquire(dataSource, "marketing.team-deadlines");
		if (lock.isEmpty()) {
			return 0;
		}
		try (var held = lock.get()) {
			int closed = 0;
			int round;
			do {
				Instant now = clock.instant();
				var due = teams.dueAt(now, BATCH);
				round = 0;
				for (long id : due) {
					if (closeOne(id)) {
						round++;
					}
				}
				closed += round;
				if (due.size() < BATCH) {
					break;
				}
			}
			while (round > 0);
			return closed;
		}
	}

	private boolean closeOne(long id) {
		try {
			return Boolean.TRUE.equals(tx.execute(s -> teams.load(id)
				.filter(t -> t.status() == TeamStatus.OPEN).map(team -> {
					Instant now = clock.instant();
					var outcome = team.closeAtDeadline(teams.memberOrders(id), now);
					teams.save(team);
					log.info("Team {} closed at its deadline: {}", id, outcome);
					return true;
				}).orElse(false)));
		}
		catch (BusinessRuleException e) {
			// a member paid or left while it was being closed: the next run takes it again
			log.debug("Team {} not closed now: {}", id, e.getMessage());
			return false;
		}
	}
}
