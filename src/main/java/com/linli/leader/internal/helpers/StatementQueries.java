package com.linli.leader.internal.helpers;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import com.linli.leader.CommissionEntry;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderStatement;
import com.linli.leader.Withdrawal;
import com.linli.leader.internal.CommissionLedger;
import com.linli.leader.internal.payouts.Withdrawals;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a monthly statement reads. The ledger balance before a month is the sum of the entries of earlier months (the
 * entries' own month, as the statement lists them, so opening + the month's entries = closing exactly). Its split at
 * an instant: pending = credits recorded before it and not matured by then (their settlement's matured_at), net of
 * their reversals recorded before it; withdrawn = withdrawals requested before it and not given back (rejected or
 * failed) before it; available = the rest.
 */
@Repository
public class StatementQueries {

	private final JdbcClient jdbc;

	StatementQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<CommissionEntry> entries(LeaderId leader, YearMonth month) {
		return jdbc.sql("select " + CommissionLedger.ENTRY_COLUMNS
				+ " from leader.commission_entry where leader_id = ? and month = ? order by occurred_at, id")
			.params(leader.value(), date(month)).query(CommissionLedger::entry).list();
	}

	/** The ledger's balance from the entries of the months before {@code month}. */
	public Money ledgerBefore(LeaderId leader, YearMonth month) {
		return Money.ofFen(jdbc.sql("select coalesce(sum(amount_fen), 0) from leader.commission_entry where leader_id = ? and month < ?")
			.params(leader.value(), date(month)).query(Long.class).single());
	}

	/** Pending at the instant: credits recorded before it, not matured by then, net of their reversals by then. */
	public Money pendingAt(LeaderId leader, Instant at) {
		return Money.ofFen(jdbc.sql("""
				select coalesce(sum(e.amount_fen + coalesce((select sum(r.amount_fen) from leader.commission_entry r
				                                             where r.accrual_id = e.id and r.recorded_at < :at), 0)), 0)
				  from leader.commission_settlement s join leader.commission_entry e on e.id = s.entry_id
				 where s.leader_id = :leader and e.recorded_at < :at and (s.matured_at is null or s.matured_at > :at)""")
			.param("leader", leader.value()).param("at", Timestamp.from(at)).query(Long.class).single());
	}

	/** In flight and paid at the instant: requested before it and not given back before it. */
	public Money withdrawnAt(LeaderId leader, Instant at) {
		return Money.ofFen(jdbc.sql("""
				select coalesce(sum(amount_fen), 0) from leader.withdrawal
				 where leader_id = :leader and requested_at < :at
				   and not (status in ('REJECTED', 'FAILED') and completed_at < :at)""")
			.param("leader", leader.value()).param("at", Timestamp.from(at)).query(Long.class).single());
	}

	/** Withdrawals requested in the month, or completed in it, oldest first. */
	public List<Withdrawal> withdrawals(LeaderId leader, Instant from, Instant to) {
		return jdbc.sql("""
				select * from leader.withdrawal where leader_id = :leader
				   and ((requested_at >= :from and requested_at < :to) or (completed_at >= :from and completed_at < :to))
				 order by requested_at, id""")
			.param("leader", leader.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query(Withdrawals::map).list();
	}

	private static Date date(YearMonth month) {
		return Date.valueOf(month.atDay(1));
	}
}
