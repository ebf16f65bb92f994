package com.linli.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.linli.payment.PaymentId;
import com.linli.payment.Refund;
import com.linli.payment.RefundId;
import com.linli.payment.RefundStatus;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The platform's refund records, one per refund reference (unique), in plain SQL. */
@Repository
public class Refunds {

	private static final String SELECT = """
			select r.id, r.payment_id, p.merchant_reference, r.refund_reference, r.amount_fen, r.reason, r.status,
			       r.created_at, r.completed_at
			  from payment.refund r join payment.payment p on p.id = r.payment_id""";

	private final JdbcClient jdbc;

	Refunds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a pending refund unless the reference is taken (then empty). A concurrent insert of the same
	 * reference waits here until the first commits or rolls back.
	 */
	public Optional<RefundId> insert(PaymentId paymentId, String refundReference, Money amount, String reason,
			Instant createdAt) {
		return jdbc.sql("""
				insert into payment.refund (payment_id, refund_reference, amount_fen, reason, status, created_at)
				values (?, ?, ?, ?, 'PENDING', ?)
				on conflict (refund_reference) do nothing
				returning id""")
			.params(paymentId.value(), refundReference, amount.fen(), reason, Timestamp.from(createdAt))
			.query(Long.class)
			.optional()
			.map(RefundId::new);
	}

	public Optional<Refund> find(String refundReference) {
		return jdbc.sql(SELECT + " where r.refund_reference = ?").param(refundReference).query(Refunds::map)
			.optional();
	}

	public Optional<Refund> find(RefundId id) {
		return jdbc.sql(SELECT + " where r.id = ?").param(id.value()).query(Refunds::map).optional();
	}

	public List<Refund> ofPayment(PaymentId paymentId) {
		return jdbc.sql(SELECT + " where r.payment_id = ? order by r.id").param(paymentId.value())
			.query(Refunds::map).list();
	}

	/** Moves a pending refund to its outcome; true when this call moved it. */
	public boolean complete(RefundId id, RefundStatus outcome, String providerRefundId, String failureReason,
			Instant at) {
		return jdbc.sql("""
				update payment.refund
				   set status = :status, provider_refund_id = :providerId, failure_reason = :failure, completed_at = :at
				 where id = :id and status = any(:sources)""")
			.param("status", outcome.name())
			.param("providerId", providerRefundId)
			.param("failure", failureReason == null ? null
					: failureReason.substring(0, Math.min(failureReason.length(), 200)))
			.param("at", Timestamp.from(at))
			.param("id", id.value())
			.param("sources", Payments.names(RefundStatus.sourcesOf(outcome)))
			.update() == 1;
	}

	/** References of refunds still pending that were created before {@code before}, oldest first. */
	public List<String> pendingCreatedBefore(Instant before, int limit) {
		return jdbc.sql("""
				select refund_reference from payment.refund
				 where status = 'PENDING' and created_at < ? order by created_at limit ?""")
			.params(Timestamp.from(before), limit)
			.query(String.class)
			.list();
	}

	static Refund map(ResultSet rs, int row) throws SQLException {
		return new Refund(new RefundId(rs.getLong("id")), new PaymentId(rs.getLong("payment_id")),
				rs.getString("merchant_reference"), rs.getString("refund_reference"),
				Money.ofFen(rs.getLong("amount_fen")), rs.getString("reason"),
				RefundStatus.valueOf(rs.getString("status")), Payments.instant(rs, "created_at"),
				Payments.instant(rs, "completed_at"));
	}
}
