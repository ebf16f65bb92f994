package com.linli.payment.internal.simulated;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import com.linli.payment.internal.PaymentProvider.RefundResult;
import com.linli.payment.internal.PaymentProvider.State;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The simulated provider's own books (the {@code sim_} tables): transactions, refunds and the
 * notifications it owes the platform. It enforces what a real provider would: one transaction per
 * merchant reference, no payment after expiry or close, refunds once per reference and never beyond
 * the amount paid.
 */
@Repository
@ConditionalOnSimulatedProvider
class SimulatedBank {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private static final String SELECT = """
			select id, merchant_reference, description, amount_fen, refunded_fen, status, payer_account_id,
			       created_at, expires_at, paid_at
			  from payment.sim_transaction""";

	private final JdbcClient jdbc;

	private final Clock clock;

	SimulatedBank(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Opens a transaction, or returns the one already open for the merchant reference if the amount agrees. */
	@Transactional
	BankTransaction open(String merchantReference, Money amount, String description, Instant expiresAt) {
		Instant now = clock.instant();
		// a new reference is one round trip; a reference seen before reads the existing transaction
		var transaction = jdbc.sql("""
				insert into payment.sim_transaction (id, merchant_reference, description, amount_fen, status, created_at,
				       expires_at)
				values (?, ?, ?, ?, 'NOT_PAID', ?, ?)
				on conflict (merchant_reference) do nothing
				returning id, merchant_reference, description, amount_fen, refunded_fen, status, payer_account_id,
				          created_at, expires_at, paid_at""")
			.params(newId("SIM", now), merchantReference, description, amount.fen(), Timestamp.from(now),
					Timestamp.from(expiresAt))
			.query(SimulatedBank::map).optional()
			.orElseGet(() -> jdbc.sql(SELECT + " where merchant_reference = ?").param(merchantReference)
				.query(SimulatedBank::map).single());
		if (!transaction.amount().equals(amount)) {
			throw new BusinessRuleException("payment-exists", "amount", Text.of("payment.problem.duplicateMerchantReference", merchantReference, transaction.amount()));
		}
		return transaction;
	}

	Optional<BankTransaction> find(String id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(SimulatedBank::map).optional();
	}

	BankTransaction get(String id) {
		return find(id).orElseThrow(() -> new NotFoundException("transaction", id));
	}

	/**
	 * The payer confirms at the cashier: the transaction is paid and a notification to the platform is
	 * queued, both in one transaction. Paying twice, after the close or after expiry is refused.
	 */
	@Transactional
	BankTransaction pay(String id, Long payerAccountId) {
		Instant now = clock.instant();
		int paid = jdbc.sql("""
				update payment.sim_transaction set status = 'PAID', paid_at = :now, payer_account_id = :payer
				 where id = :id and status = 'NOT_PAID' and expires_at > :now""")
			.param("now", Timestamp.from(now))
			.param("payer", payerAccountId)
			.param("id", id)
			.update();
		if (paid == 0) {
			var transaction = get(id);
			throw switch (transaction.state()) {
				case PAID -> new BusinessRuleException("already-paid", Text.of("payment.problem.transactionAlreadyPaid"));
				case CLOSED -> new BusinessRuleException("transaction-closed", Text.of("payment.problem.transactionClosed"));
				case NOT_PAID -> new BusinessRuleException("transaction-expired", Text.of("payment.problem.transactionHasExpired"));
			};
		}
		jdbc.sql("""
				insert into payment.sim_notification (transaction_id, next_attempt_at, created_at) values (?, ?, ?)""")
			.params(id, Timestamp.from(now), Timestamp.from(now))
			.update();
		return get(id);
	}

	/** Closes an unpaid transaction; answers the transaction as it is afterwards (paid stays paid). */
	@Transactional
	BankTransaction close(String id) {
		jdbc.sql("update payment.sim_transaction set status = 'CLOSED', closed_at = ? where id = ? and status = 'NOT_PAID'")
			.params(Timestamp.from(clock.instant()), id)
			.update();
		return get(id);
	}

	/**
	 * Refunds synchronously, once per refund reference: a repeated reference answers the first refund;
	 * a refund of an unpaid transaction, beyond the amount paid, or reusing a reference for something
	 * else fails and is not recorded.
	 */
	@Transactional
	RefundResult refund(String transactionId, String refundReference, Money amount) {
		Instant now = clock.instant();
		Optional<String> inserted = jdbc.sql("""
				insert into payment.sim_refund (id, transaction_id, refund_reference, amount_fen, created_at)
				select ?, id, ?, ?, ? from payment.sim_transaction where id = ?
				on conflict (refund_reference) do nothing
				returning id""")
			.params(newId("SIMR", now), refundReference, amount.fen(), Timestamp.from(now), transactionId)
			.query(String.class)
			.optional();
		if (inserted.isEmpty()) {
			return earlierRefund(transactionId, refundReference, amount);
		}
		int reserved = jdbc.sql("""
				update payment.sim_transaction set refunded_fen = refunded_fen + :amount
				 where id = :id and status = 'PAID' and refunded_fen + :amount <= amount_fen""")
			.param("amount", amount.fen())
			.param("id", transactionId)
			.update();
		if (reserved == 0) {
			jdbc.sql("delete from payment.sim_refund where id = ?").param(inserted.get()).update();
			var transaction = get(transactionId);
			return new RefundResult(null, false, transaction.state() != State.PAID ? "NOT_PAID: the transaction is "
					+ transaction.state() : "NOT_ENOUGH: " + transaction.amount().minus(transaction.refunded()) + " refundable");
		}
		return new RefundResult(inserted.get(), true, null);
	}

	private RefundResult earlierRefund(String transactionId, String refundReference, Money amount) {
		var earlier = jdbc.sql("select id, transaction_id, amount_fen from payment.sim_refund where refund_reference = ?")
			.param(refundReference)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3)) })
			.optional();
		if (earlier.isEmpty()) {
			return new RefundResult(null, false, "NOT_FOUND: no transaction " + transactionId);
		}
		String[] e = earlier.get();
		if (!e[1].equals(transactionId) || Long.parseLong(e[2]) != amount.fen()) {
			return new RefundResult(null, false, "REFERENCE_USED: refund reference " + refundReference
					+ " belongs to another refund");
		}
		return new RefundResult(e[0], true, null);
	}

	private String newId(String prefix, Instant now) {
		return prefix + DAY.format(now.atZone(clock.getZone()))
				+ String.format("%016d", ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L));
	}

	static BankTransaction map(ResultSet rs, int row) throws SQLException {
		return new BankTransaction(rs.getString("id"), rs.getString("merchant_reference"), rs.getString("description"),
				Money.ofFen(rs.getLong("amount_fen")), Money.ofFen(rs.getLong("refunded_fen")),
				State.valueOf(rs.getString("status")), rs.getObject("payer_account_id") == null ? null
						: rs.getLong("payer_account_id"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				rs.getTimestamp("paid_at") == null ? null : rs.getTimestamp("paid_at").toInstant());
	}
}
