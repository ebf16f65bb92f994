package com.linli.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import com.linli.payment.Payee;
import com.linli.payment.Payout;
import com.linli.payment.PayoutStatus;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The platform's payout records, one per reference (unique), in plain SQL. */
@Repository
public class Payouts {

	private static final String SELECT = """
			select reference, payee_account, payee_name, amount_fen, status, provider_payout_id, failure_reason,
			       created_at, completed_at from payment.payout""";

	private final JdbcClient jdbc;

	Payouts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a pending payout, or answers the one already recorded under the reference. */
	public Payout insert(String reference, Payee payee, Money amount, Instant at) {
		jdbc.sql("""
				insert into payment.payout (reference, payee_account, payee_name, amount_fen, status, created_at)
				values (?, ?, ?, ?, 'PENDING', ?) on conflict (reference) do nothing""")
			.params(reference, payee.account(), payee.name(), amount.fen(), Timestamp.from(at)).update();
		return find(reference).orElseThrow();
	}

	public Optional<Payout> find(String reference) {
		return jdbc.sql(SELECT + " where reference = ?").param(reference).query(Payouts::map).optional();
	}

	/** Moves a pending payout to its outcome; true when this call moved it. */
	public boolean complete(String reference, PayoutStatus outcome, String providerId, String failureReason,
			Instant at) {
		return jdbc.sql("""
				update payment.payout set status = ?, provider_payout_id = ?, failure_reason = ?, completed_at = ?
				 where reference = ? and status = 'PENDING'""")
			.params(outcome.name(), providerId,
					failureReason == null ? null : failureReason.substring(0, Math.min(200, failureReason.length())),
					Timestamp.from(at), reference)
			.update() == 1;
	}

	static Payout map(ResultSet rs, int row) throws SQLException {
		return new Payout(rs.getString("reference"), new Payee(rs.getString("payee_account"), rs.getString("payee_name")),
				Money.ofFen(rs.getLong("amount_fen")), PayoutStatus.valueOf(rs.getString("status")),
				rs.getString("provider_payout_id"), rs.getString("failure_reason"),
				rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant());
	}
}
