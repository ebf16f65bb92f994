package com.linli.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.linli.payment.Payment;
import com.linli.payment.PaymentId;
import com.linli.payment.PaymentStatus;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The platform's payment records, in plain SQL. Every state change is a compare-and-set on the status:
 * a conditional update guarded by the statuses {@link PaymentStatus} allows to make the move
 * ({@link PaymentStatus#sourcesOf}), so concurrent callers change a row at most once. A lost compare-and-set
 * answers "not changed" rather than throwing: the ledger treats a repeated report as already applied.
 */
@Repository
public class Payments {

	private static final String SELECT = """
			select id, merchant_reference, amount_fen, refunded_fen, status, provider, provider_transaction_id,
			       cashier_url, created_at, expires_at, paid_at
			  from payment.payment""";

	private final JdbcClient jdbc;

	Payments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a pending payment unless one exists for the merchant reference (then empty). */
	public Optional<PaymentId> insert(NewPayment p) {
		return jdbc.sql("""
				insert into payment.payment (merchant_reference, description, amount_fen, status, provider,
				       provider_transaction_id, cashier_url, payer_account_id, created_at, expires_at)
				values (:ref, :description, :amount, 'PENDING', :provider, :tx, :cashier, :payer, :created, :expires)
				on conflict (merchant_reference) do nothing
				returning id""")
			.param("ref", p.merchantReference())
			.param("description", p.description())
			.param("amount", p.amount().fen())
			.param("provider", p.provider())
			.param("tx", p.providerTransactionId())
			.param("cashier", p.cashierUrl())
			.param("payer", p.payerAccountId())
			.param("created", Timestamp.from(p.createdAt()))
			.param("expires", Timestamp.from(p.expiresAt()))
			.query(Long.class)
			.optional()
			.map(PaymentId::new);
	}

	public Optional<Payment> find(String merchantReference) {
		return jdbc.sql(SELECT + " where merchant_reference = ?").param(merchantReference).query(Payments::map)
			.optional();
	}

	public Optional<Payment> find(PaymentId id) {
		return jdbc.sql(SELECT + " where id = ?").param(id.value()).query(Payments::map).optional();
	}

	public Optional<Payment> findByTransaction(String provider, String transactionId) {
		return jdbc.sql(SELECT + " where provider = ? and provider_transaction_id = ?").params(provider, transactionId)
			.query(Payments::map).optional();
	}

	/** The account that was signed in when the payment was created, if any. */
	public Optional<Long> payer(String merchantReference) {
		return jdbc.sql("select payer_account_id from payment.payment where merchant_reference = ?")
			.param(merchantReference)
			.query((rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1))
			.optional();
	}

	/**
	 * Marks the payment of a provider transaction paid, if its status allows; answers the changed row,
	 * or empty when it was already paid (a duplicate notification) or unknown.
	 */
	public Optional<Payment> markSucceeded(String provider, String transactionId, Instant paidAt) {
		return jdbc.sql("""
				update payment.payment set status = :status, paid_at = :paid
				 where provider = :provider and provider_transaction_id = :tx and status = any(:sources)
				returning id, merchant_reference, amount_fen, refunded_fen, status, provider, provider_transaction_id,
				          cashier_url, created_at, expires_at, paid_at""")
			.param("status", PaymentStatus.SUCCEEDED.name())
			.param("paid", Timestamp.from(paidAt))
			.param("provider", provider)
			.param("tx", transactionId)
			.param("sources", names(PaymentStatus.sourcesOf(PaymentStatus.SUCCEEDED)))
			.query(Payments::map)
			.optional();
	}

	/** Closes a payment if its status allows; true when this call closed it. */
	public boolean markClosed(PaymentId id, Instant closedAt) {
		return jdbc.sql("update payment.payment set status = :status, closed_at = :at where id = :id and status = any(:sources)")
			.param("status", PaymentStatus.CLOSED.name())
			.param("at", Timestamp.from(closedAt))
			.param("id", id.value())
			.param("sources", names(PaymentStatus.sourcesOf(PaymentStatus.CLOSED)))
			.update() == 1;
	}

	/**
	 * Sets aside {@code amount} of a paid payment for a refund; false when that would take the refunds
	 * beyond the paid amount. Concurrent reservations serialise on the row, so they never exceed it together.
	 */
	public boolean reserveRefund(PaymentId id, Money amount) {
		return jdbc.sql("""
				update payment.payment set refunded_fen = refunded_fen + :amount
				 where id = :id and status = 'SUCCEEDED' and refunded_fen + :amount <= amount_fen""")
			.param("amount", amount.fen())
			.param("id", id.value())
			.update() == 1;
	}

	/** Gives back a reservation of a refund the provider refused. */
	public void releaseRefund(PaymentId id, Money amount) {
		jdbc.sql("update payment.payment set refunded_fen = refunded_fen - :amount where id = :id")
			.param("amount", amount.fen())
			.param("id", id.value())
			.update();
	}

	/** Merchant references of pending payments created in {@code [from, to)}, oldest first. */
	public List<String> pendingCreatedBetween(Instant from, Instant to, int limit) {
		return jdbc.sql("""
				select merchant_reference from payment.payment
				 where status = 'PENDING' and created_at >= :from and created_at < :to
				 order by created_at limit :limit""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/**
	 * Settled payments (paid or closed) not yet compared with their provider, newest first: a payment
	 * forged a moment ago is found before an old backlog is worked through.
	 */
	public List<Payment> settledNotCompared(int limit) {
		return jdbc.sql(SELECT + " where provider_checked_at is null and status <> 'PENDING' order by id desc limit ?")
			.param(limit)
			.query(Payments::map)
			.list();
	}

	/** Records that a settled payment was compared with its provider's record. */
	public void markCompared(PaymentId id, Instant at) {
		jdbc.sql("update payment.payment set provider_checked_at = ? where id = ?")
			.params(Timestamp.from(at), id.value())
			.update();
	}

	static String[] names(java.util.Set<? extends Enum<?>> statuses) {
		return statuses.stream().map(Enum::name).toArray(String[]::new);
	}

	static Payment map(ResultSet rs, int row) throws SQLException {
		return new Payment(new PaymentId(rs.getLong("id")), rs.getString("merchant_reference"),
				Money.ofFen(rs.getLong("amount_fen")), Money.ofFen(rs.getLong("refunded_fen")),
				PaymentStatus.valueOf(rs.getString("status")), rs.getString("provider"),
				rs.getString("provider_transaction_id"), rs.getString("cashier_url"), instant(rs, "created_at"),
				instant(rs, "expires_at"), instant(rs, "paid_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	/** What it takes to record a new payment. */
	public record NewPayment(String merchantReference, String description, Money amount, String provider,
			String providerTransactionId, String cashierUrl, Long payerAccountId, Instant createdAt,
			Instant expiresAt) {
	}
}
