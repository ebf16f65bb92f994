package com.linli.payment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.linli.payment.PaymentId;
import com.linli.payment.PaymentMismatchKind;
import com.linli.payment.PaymentStatus;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payments whose record here disagrees with their provider's: one row per payment and kind. */
@Repository
public class PaymentMismatches {

	private final JdbcClient jdbc;

	PaymentMismatches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a mismatch unless it is recorded already; true when this call recorded it. */
	public boolean insert(PaymentId paymentId, PaymentMismatchKind kind, PaymentStatus platformStatus,
			Money platformAmount, String providerState, Money providerAmount, Instant foundAt) {
		return jdbc.sql("""
				insert into payment.payment_mismatch (payment_id, kind, platform_status, platform_amount_fen,
				       provider_state, provider_amount_fen, found_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (payment_id, kind) do nothing""")
			.params(paymentId.value(), kind.name(), platformStatus.name(), platformAmount.fen(), providerState,
					providerAmount == null ? null : providerAmount.fen(), Timestamp.from(foundAt))
			.update() == 1;
	}

	/** The latest mismatches, newest first, for the console. */
	public List<Row> latest(int limit) {
		return jdbc.sql("""
				select m.id, p.merchant_reference, p.provider, p.provider_transaction_id, m.kind, m.platform_status,
				       m.platform_amount_fen, m.provider_state, m.provider_amount_fen, m.found_at
				  from payment.payment_mismatch m join payment.payment p on p.id = m.payment_id
				 order by m.found_at desc, m.id desc limit ?""")
			.param(limit)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("merchant_reference"), rs.getString("provider"),
					rs.getString("provider_transaction_id"), PaymentMismatchKind.valueOf(rs.getString("kind")),
					PaymentStatus.valueOf(rs.getString("platform_status")), Money.ofFen(rs.getLong("platform_amount_fen")),
					rs.getString("provider_state"),
					rs.getObject("provider_amount_fen") == null ? null : Money.ofFen(rs.getLong("provider_amount_fen")),
					rs.getTimestamp("found_at").toInstant()))
			.list();
	}

	/** One mismatch as the console lists it. */
	public record Row(long id, String merchantReference, String provider, String providerTransactionId,
			PaymentMismatchKind kind, PaymentStatus platformStatus, Money platformAmount, String providerState,
			Money providerAmount, Instant foundAt) {
	}
}
