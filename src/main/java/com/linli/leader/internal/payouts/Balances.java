package com.linli.leader.internal.payouts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.linli.leader.CommissionBalance;
import com.linli.leader.LeaderId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The leaders' balances ({@code leader.commission_balance}) and the settlement of each accrual
 * ({@code leader.commission_settlement}), in plain SQL. Every move is one conditional update: a withdrawal takes
 * money only where {@code available_fen >= amount}, so two requests at the same moment never take more than
 * there is (the second waits for the first's row lock, then finds the balance it left).
 */
@Repository
public class Balances {

	private final JdbcClient jdbc;

	Balances(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public CommissionBalance of(LeaderId leader) {
		return jdbc.sql("""
				select pending_fen, available_fen, in_flight_fen, paid_fen from leader.commission_balance where leader_id = ?""")
			.param(leader.value())
			.query((rs, n) -> new CommissionBalance(leader, Money.ofFen(rs.getLong(1)), Money.ofFen(rs.getLong(2)),
					Money.ofFen(rs.getLong(3)), Money.ofFen(rs.getLong(4))))
			.optional()
			.orElse(new CommissionBalance(leader, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO));
	}

	void open(LeaderId leader) {
		jdbc.sql("insert into leader.commission_balance (leader_id) values (?) on conflict do nothing")
			.param(leader.value()).update();
	}

	/** A new accrual: pending until its line's after-sales window has passed (once per accrual). */
	public void accrued(LeaderId leader, long entryId, Money amount, Instant maturesAt) {
		open(leader);
		int inserted = jdbc.sql("""
				insert into leader.commission_settlement (entry_id, leader_id, matures_at) values (?, ?, ?)
				on conflict do nothing""")
			.params(entryId, leader.value(), Timestamp.from(maturesAt)).update();
		if (inserted == 1) {
			jdbc.sql("update leader.commission_balance set pending_fen = pending_fen + ? where leader_id = ?")
				.params(amount.fen(), leader.value()).update();
		}
	}

	/**
	 * The accrual's reversals now add up to {@code reversedTotal}: the balance gives back what it has not taken yet,
	 * from pending before the accrual matured, from available after. Answers what it took.
	 */
	Money reversed(LeaderId leader, long accrualEntryId, Money reversedTotal) {
		var settlement = jdbc.sql("""
				select reversed_fen, matured_at is not null from leader.commission_settlement where entry_id = ?""")
			.param(accrualEntryId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBoolean(2) })
			.single();
		long delta = reversedTotal.fen() - (Long) settlement[0];
		if (delta <= 0) {
			return Money.ZERO;
		}
		jdbc.sql("update leader.commission_settlement set reversed_fen = ? where entry_id = ?")
			.params(reversedTotal.fen(), accrualEntryId).update();
		jdbc.sql((Boolean) settlement[1]
				? "update leader.commission_balance set available_fen = available_fen - ? where leader_id = ?"
				: "update leader.commission_balance set pending_fen = pending_fen - ? where leader_id = ?")
			.params(delta, leader.value()).update();
		return Money.ofFen(delta);
	}

	/** Leaders with accruals due to mature at {@code now}. */
	List<LeaderId> leadersDue(Instant now) {
		return jdbc.sql("""
				select distinct leader_id from leader.commission_settlement where matured_at is null and matures_at <= ?""")
			.param(Timestamp.from(now)).query(Long.class).list().stream().map(LeaderId::new).toList();
	}

	/**
	 * Matures the leader's accruals due at {@code now} (their net after reversals moves from pending to available);
	 * the leader's commission account must be locked. Answers how many matured.
	 */
	int mature(LeaderId leader, Instant now) {
		var net = jdbc.sql("""
				update leader.commission_settlement s set matured_at = :now
				  from leader.commission_entry e
				 where e.id = s.entry_id and s.leader_id = :leader and s.matured_at is null and s.matures_at <= :now
				returning e.amount_fen - s.reversed_fen""")
			.param("now", Timestamp.from(now)).param("leader", leader.value()).query(Long.class).list();
		long sum = net.stream().mapToLong(Long::longValue).sum();
		if (!net.isEmpty()) {
			open(leader);
			jdbc.sql("""
					update leader.commission_balance set pending_fen = pending_fen - ?, available_fen = available_fen + ?
					 where leader_id = ?""")
				.params(sum, sum, leader.value()).update();
		}
		return net.size();
	}

	/** Takes a withdrawal out of the available balance; false (nothing changed) when it is not there. */
	public boolean take(LeaderId leader, Money amount) {
		open(leader);
		return jdbc.sql("""
				update leader.commission_balance set available_fen = available_fen - :amount, in_flight_fen = in_flight_fen + :amount
				 where leader_id = :leader and available_fen >= :amount""")
			.param("amount", amount.fen()).param("leader", leader.value()).update() == 1;
	}

	/** A withdrawal was paid: from in flight to paid. */
	void paidOut(LeaderId leader, Money amount) {
		jdbc.sql("""
				update leader.commission_balance set in_flight_fen = in_flight_fen - ?, paid_fen = paid_fen + ? where leader_id = ?""")
			.params(amount.fen(), amount.fen(), leader.value()).update();
	}

	/** A withdrawal was rejected or its payout failed: from in flight back to available. */
	void givenBack(LeaderId leader, Money amount) {
		jdbc.sql("""
				update leader.commission_balance set in_flight_fen = in_flight_fen - ?, available_fen = available_fen + ?
				 where leader_id = ?""")
			.params(amount.fen(), amount.fen(), leader.value()).update();
	}

	/** What the reconciliation compares, for one leader or all ({@code null}). */
	public record Check(LeaderId leaderId, long regionId, Money accrued, Money reversed, Money pending, Money available,
			Money inFlight, Money paid, Money pendingByEntries, Money inFlightByWithdrawals, Money paidByWithdrawals) {

		public boolean balances() {
			return accrued.minus(reversed).minus(inFlight).minus(paid).equals(pending.plus(available))
					&& pending.equals(pendingByEntries) && inFlight.equals(inFlightByWithdrawals)
					&& paid.equals(paidByWithdrawals);
		}
	}

	public List<Check> checks(LeaderId only) {
		return jdbc.sql("""
				select l.id, l.region_id, coalesce(a.accrued_fen, 0), coalesce(a.reversed_fen, 0),
				       coalesce(b.pending_fen, 0), coalesce(b.available_fen, 0), coalesce(b.in_flight_fen, 0),
				       coalesce(b.paid_fen, 0),
				       coalesce((select sum(e.amount_fen - e.reversed_fen) from leader.commission_settlement s
				                   join leader.commission_entry e on e.id = s.entry_id
				                  where s.leader_id = l.id and s.matured_at is null), 0),
				       coalesce((select sum(amount_fen) from leader.withdrawal w
				                  where w.leader_id = l.id and w.status in ('REQUESTED', 'APPROVED')), 0),
				       coalesce((select sum(amount_fen) from leader.withdrawal w
				                  where w.leader_id = l.id and w.status = 'PAID'), 0)
				  from leader.leader l
				  left join leader.commission_account a on a.leader_id = l.id
				  left join leader.commission_balance b on b.leader_id = l.id
				 where (cast(:only as bigint) is null or l.id = :only)
				   and (a.leader_id is not null or b.leader_id is not null)
				 order by l.id""")
			.param("only", only == null ? null : only.value())
			.query((rs, n) -> new Check(new LeaderId(rs.getLong(1)), rs.getLong(2), Money.ofFen(rs.getLong(3)),
					Money.ofFen(rs.getLong(4)), Money.ofFen(rs.getLong(5)), Money.ofFen(rs.getLong(6)),
					Money.ofFen(rs.getLong(7)), Money.ofFen(rs.getLong(8)), Money.ofFen(rs.getLong(9)),
					Money.ofFen(rs.getLong(10)), Money.ofFen(rs.getLong(11))))
			.list();
	}
}
