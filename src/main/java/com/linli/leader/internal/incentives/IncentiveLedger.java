package com.linli.leader.internal.incentives;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

import com.linli.leader.CommissionEntryKind;
import com.linli.leader.LeaderId;
import com.linli.leader.internal.CommissionLedger;
import com.linli.leader.internal.payouts.Balances;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the incentive kinds into the commission ledger ({@code leader.commission_entry}), the account's totals and
 * the balances, under the leader's account lock ({@link CommissionLedger#lockAccount}, taken by the caller).
 * Referral commission settles like the accrual it is earned on (pending until that accrual's window has passed);
 * rewards (referral reward, contest reward) are available at once: they are not tied to any sale that could be
 * refunded. Unique indexes make a referral commission per accrual and a reward per reference happen once.
 */
@Repository
public class IncentiveLedger {

	private final JdbcClient jdbc;

	private final Balances balances;

	IncentiveLedger(JdbcClient jdbc, Balances balances) {
		this.jdbc = jdbc;
		this.balances = balances;
	}

	/** The underlying accrual of a line, as the referral commission needs it. */
	public record AccrualFacts(long id, LeaderId leaderId, long orderId, String orderNo, long lineId, String skuName,
			int quantity, long baseFen, long amountFen, int reversedQuantity, Instant occurredAt, YearMonth salesMonth) {
	}

	/** A referral commission entry: what it earned and how much was given back already. */
	public record ReferralEntry(long id, long amountFen, long reversedFen, int reversedQuantity) {
	}

	public Optional<AccrualFacts> accrual(long lineId) {
		return jdbc.sql("""
				select id, leader_id, order_id, order_no, order_line_id, sku_name, quantity, base_fen, amount_fen,
				       reversed_quantity, occurred_at, sales_month
				  from leader.commission_entry where order_line_id = ? and kind = 'ACCRUAL'""")
			.param(lineId)
			.query((rs, n) -> new AccrualFacts(rs.getLong(1), new LeaderId(rs.getLong(2)), rs.getLong(3), rs.getString(4),
					rs.getLong(5), rs.getString(6), rs.getInt(7), rs.getLong(8), rs.getLong(9), rs.getInt(10),
					rs.getTimestamp(11).toInstant(), YearMonth.from(rs.getDate(12).toLocalDate())))
			.optional();
	}

	public Optional<ReferralEntry> referralOn(long accrualId) {
		return jdbc.sql("""
				select id, amount_fen, reversed_fen, reversed_quantity from leader.commission_entry
				 where accrual_id = ? and kind = 'REFERRAL'""")
			.param(accrualId)
			.query((rs, n) -> new ReferralEntry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)))
			.optional();
	}

	/** The referrer's commission on an accrual: pending until {@code maturesAt}. */
	public long insertReferral(LeaderId referrer, AccrualFacts accrual, int rateBp, Money amount, String label,
			YearMonth month, Instant maturesAt, Instant now) {
		long balance = credit(referrer, amount);
		long id = jdbc.sql("""
				insert into leader.commission_entry (leader_id, kind, order_id, order_no, order_line_id, sku_name,
				    quantity, base_fen, rate_bp, rate_source, sales_month, month, amount_fen, balance_after_fen,
				    refund_reference, accrual_id, occurred_at, recorded_at)
				values (?, 'REFERRAL', ?, ?, ?, ?, ?, 0, ?, 'BAND', ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(referrer.value(), accrual.orderId(), accrual.orderNo(), accrual.lineId(), label, accrual.quantity(),
					rateBp, date(accrual.salesMonth()), date(month), amount.fen(), balance,
					"referral-line:" + accrual.lineId(), accrual.id(), Timestamp.from(accrual.occurredAt()),
					Timestamp.from(now))
			.query(Long.class).single();
		balances.accrued(referrer, id, amount, maturesAt);
		return id;
	}

	/** Gives back {@code delta} of a referral commission (its accrual was reversed to {@code reversedQuantity}). */
	public void insertReferralReversal(LeaderId referrer, AccrualFacts accrual, ReferralEntry referral, int units,
			Money delta, int rateBp, String label, YearMonth month, Instant now) {
		int updated = jdbc.sql("""
				update leader.commission_entry set reversed_fen = reversed_fen + ?, reversed_quantity = reversed_quantity + ?
				 where id = ? and kind = 'REFERRAL' and reversed_fen = ?""")
			.params(delta.fen(), units, referral.id(), referral.reversedFen()).update();
		if (updated != 1) {
			throw new IllegalStateException("referral entry " + referral.id() + " changed under its lock");
		}
		long balance = jdbc.sql("""
				update leader.commission_account set reversed_fen = reversed_fen + ?, balance_fen = balance_fen - ?,
				       entries = entries + 1 where leader_id = ? returning balance_fen""")
			.params(delta.fen(), delta.fen(), referrer.value()).query(Long.class).single();
		jdbc.sql("""
				insert into leader.commission_entry (leader_id, kind, order_id, order_no, order_line_id, sku_name,
				    quantity, base_fen, rate_bp, rate_source, sales_month, month, amount_fen, balance_after_fen,
				    accrual_id, occurred_at, recorded_at)
				values (?, 'REFERRAL_REVERSAL', ?, ?, ?, ?, ?, 0, ?, 'BAND', ?, ?, ?, ?, ?, ?, ?)""")
			.params(referrer.value(), accrual.orderId(), accrual.orderNo(), accrual.lineId(), label, Math.max(units, 1),
					rateBp, date(accrual.salesMonth()), date(month), -delta.fen(), balance, referral.id(),
					Timestamp.from(now), Timestamp.from(now))
			.update();
		balances.reversed(referrer, referral.id(), Money.ofFen(referral.reversedFen() + delta.fen()));
	}

	/** Whether a reward of that reference was paid. */
	public boolean rewardPaid(String reference) {
		return jdbc.sql("""
				select exists(select 1 from leader.commission_entry
				 where refund_reference = ? and kind in ('REFERRAL_REWARD', 'CONTEST_REWARD'))""")
			.param(reference).query(Boolean.class).single();
	}

	/**
	 * A one-off reward, available at once (its settlement row is matured when written). The unique index on the
	 * reference refuses a second one, whatever the caller checked before.
	 */
	public long insertReward(LeaderId leader, CommissionEntryKind kind, String reference, String label, Money amount,
			YearMonth month, Instant now) {
		if (kind != CommissionEntryKind.REFERRAL_REWARD && kind != CommissionEntryKind.CONTEST_REWARD) {
			throw new IllegalArgumentException(kind + " is not a reward");
		}
		long balance = credit(leader, amount);
		long id = jdbc.sql("""
				insert into leader.commission_entry (leader_id, kind, order_id, order_no, order_line_id, sku_name,
				    quantity, base_fen, rate_bp, rate_source, sales_month, month, amount_fen, balance_after_fen,
				    refund_reference, occurred_at, recorded_at)
				values (?, ?, 0, ?, 0, ?, 1, 0, 0, 'BAND', ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(leader.value(), kind.name(), orderNo(reference), label, date(month), date(month), amount.fen(),
					balance, reference, Timestamp.from(now), Timestamp.from(now))
			.query(Long.class).single();
		jdbc.sql("insert into leader.commission_balance (leader_id) values (?) on conflict do nothing")
			.param(leader.value()).update();
		jdbc.sql("""
				insert into leader.commission_settlement (entry_id, leader_id, matures_at, matured_at) values (?, ?, ?, ?)""")
			.params(id, leader.value(), Timestamp.from(now), Timestamp.from(now)).update();
		jdbc.sql("update leader.commission_balance set available_fen = available_fen + ? where leader_id = ?")
			.params(amount.fen(), leader.value()).update();
		return id;
	}

	/** A leader's referral commission earned (net of reversals) on the accruals of one referred leader. */
	public long referralCommission(LeaderId referrer, LeaderId referred) {
		return jdbc.sql("""
				select coalesce(sum(r.amount_fen - r.reversed_fen), 0) from leader.commission_entry r
				  join leader.commission_entry a on a.id = r.accrual_id
				 where r.leader_id = ? and r.kind = 'REFERRAL' and a.leader_id = ?""")
			.params(referrer.value(), referred.value()).query(Long.class).single();
	}

	/** A leader's sales (accrued base net of refunds) picked up in {@code [from, to)}, by the ledger. */
	public long sales(LeaderId leader, Instant from, Instant to) {
		return jdbc.sql("""
				select coalesce(sum(base_fen - reversed_base_fen), 0) from leader.commission_entry
				 where leader_id = ? and kind = 'ACCRUAL' and occurred_at >= ? and occurred_at < ?""")
			.params(leader.value(), Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
	}

	private long credit(LeaderId leader, Money amount) {
		return jdbc.sql("""
				update leader.commission_account set accrued_fen = accrued_fen + ?, balance_fen = balance_fen + ?,
				       entries = entries + 1 where leader_id = ? returning balance_fen""")
			.params(amount.fen(), amount.fen(), leader.value()).query(Long.class).single();
	}

	private static String orderNo(String reference) {
		return reference.length() <= 32 ? reference : reference.substring(0, 32);
	}

	private static Date date(YearMonth month) {
		return Date.valueOf(month.atDay(1));
	}
}
