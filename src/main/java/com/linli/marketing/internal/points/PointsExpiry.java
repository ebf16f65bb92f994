package com.linli.marketing.internal.points;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import com.linli.identity.AccountId;
import com.linli.marketing.PointsKind;
import com.linli.shared.JobLock;
import com.linli.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Yearly expiry: points earned in a year expire at the end of the following year, oldest first (FIFO):
 * what a resident spent, lost or had reversed is taken from their oldest points, so what is left of the
 * points earned up to the end of year Y is {@code earned up to Y − (spent + expired + reversed − given
 * back, at any time)} (earlier years' leftovers are among the expired already), and never more than the
 * balance. The job runs daily, works on the year whose points
 * are due (two years back) once: an advisory lock keeps a second node out, the run row and each
 * resident's entry reference ("expiry:Y:resident") make a rerun change nothing.
 */
@Component
public class PointsExpiry {

	private static final Logger log = LoggerFactory.getLogger(PointsExpiry.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final PointsLedger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PointsExpiry(JdbcClient jdbc, DataSource dataSource, PointsLedger ledger, TransactionTemplate transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "${linli.marketing.points.expiry-schedule:0 15 0 * * *}")
	void daily() {
		expireDue();
	}

	/** Expires the points due now (those of two years back), unless that year is done. */
	public void expireDue() {
		expireYear(LocalDate.now(clock).getYear() - 2, clock.instant());
	}

	/**
	 * Expires what is left of the points earned in {@code year} (and before), at {@code at}. Answers the
	 * points expired; 0 when the year was done already or another run holds the lock.
	 */
	public long expireYear(int year, Instant at) {
		var lock = JobLock.tryAcquire(dataSource, "points-expiry");
		if (lock.isEmpty()) {
			return 0;
		}
		try (var held = lock.get()) {
			if (jdbc.sql("select count(*) from marketing.points_expiry_run where year = ?").param(year)
				.query(Long.class).single() > 0) {
				return 0;
			}
			ZoneId zone = clock.getZone();
			Instant endOfYear = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
			List<long[]> due = jdbc.sql("""
					select resident_id,
					  sum(case when kind = 'EARNED' and at < ? then points else 0 end)
					  - sum(case when kind in ('SPENT', 'EXPIRED', 'REVERSED') then points
					             when kind = 'GIVEN_BACK' then -points else 0 end) as left_over
					from marketing.points_entry
					where resident_id in (select resident_id from marketing.points_entry where kind = 'EARNED' and at < ?)
					group by resident_id""")
				.params(Timestamp.from(endOfYear), Timestamp.from(endOfYear))
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
			long total = 0;
			int residents = 0;
			for (long[] row : due) {
				if (row[1] <= 0) {
					continue;
				}
				Long taken = transactions.execute(s -> ledger.takeUpTo(new AccountId(row[0]), PointsKind.EXPIRED, row[1],
						Text.of("marketing.points.reason.expired", year), "expiry:" + year + ":" + row[0], at));
				if (taken != null && taken > 0) {
					total += taken;
					residents++;
				}
			}
			jdbc.sql("insert into marketing.points_expiry_run (year, residents, points, finished_at) values (?, ?, ?, ?) "
					+ "on conflict do nothing")
				.params(year, residents, total, Timestamp.from(at)).update();
			log.info("Points of {} expired: {} points of {} residents", year, total, residents);
			return total;
		}
	}
}
