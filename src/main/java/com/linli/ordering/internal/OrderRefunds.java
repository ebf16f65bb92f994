package com.linli.ordering.internal;

import java.sql.Timestamp;
import java.time.Clock;

import com.linli.marketing.OrderPromotions;
import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderRefund;
import com.linli.payment.PaymentManagement;
import com.linli.payment.RefundStatus;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refunds through the payment provider, each recorded once per reference: a whole order (cancel, late
 * payment) or part of a line (short at receipt, damaged, after-sales). The {@link Order} computes and
 * guards the amounts; its refunded amounts can never exceed what was paid (constraints in the schema).
 */
@Component
public class OrderRefunds {

	private final JdbcClient jdbc;

	private final PaymentManagement payments;

	private final OrderPromotions promotions;

	private final Clock clock;

	OrderRefunds(JdbcClient jdbc, PaymentManagement payments, OrderPromotions promotions, Clock clock) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.promotions = promotions;
		this.clock = clock;
	}

	/**
	 * Asks the provider for the refund of a whole order the aggregate computed (a cancel of a paid order, a
	 * payment after cancellation): {@code amount} is what {@link Order} answered, {@code reasonCode} what
	 * the refund is recorded with. Call before saving the order, in its transaction.
	 */
	public Money refundWholeOrder(Order order, Money amount, String referenceSuffix, String reasonCode,
			String reason) {
		if (amount.isZero()) {
			return Money.ZERO;
		}
		String reference = "order:" + order.id().value() + ":" + referenceSuffix;
		if (!claim(order, null, reference, 0, amount, reasonCode)) {
			throw new BusinessRuleException("changed-concurrently",
					Text.of("ordering.problem.orderChangedConcurrently", order.orderNo()));
		}
		request(order, reference, amount, reason);
		return amount;
	}

	/**
	 * Refunds {@code quantity} units of a line at the price paid, once per reference: the order computes
	 * and checks it ({@link Order#refundLine}), the refund is recorded and asked of the provider. The caller
	 * saves the order. A reference used before refunds nothing more (a retry) and answers zero.
	 * {@code shortage} marks units that never arrived; {@code afterPickup} units that had been handed out.
	 */
	public Money refundLine(Order order, OrderLineId lineId, int quantity, String referenceSuffix, String reasonCode,
			String reason, boolean shortage, boolean afterPickup) {
		String reference = "line:" + lineId.value() + ":" + referenceSuffix;
		if (find(reference).isPresent()) {
			return Money.ZERO;
		}
		// the refunded units' part of each deduction, counted off the line as the order counts their paid part
		var shares = order.line(lineId, "lineId").refundPortion(quantity).shares();
		Money amount = order.refundLine(lineId, quantity, reasonCode, shortage, afterPickup, reference);
		if (!claim(order, lineId, reference, quantity, amount, reasonCode)) {
			// a concurrent request with the same reference won: this one changes nothing
			throw new BusinessRuleException("changed-concurrently",
					Text.of("ordering.problem.orderChangedConcurrently", order.orderNo()));
		}
		if (amount.isZero()) {
			// the units' deductions took all they cost: nothing to ask the provider for
			completed(reference);
		}
		else {
			request(order, reference, amount, reason);
		}
		// points given back, earned points reversed in proportion: once, as the refund is (its reference)
		promotions.lineRefunded(order.id().value(), lineId.value(), order.residentId(), quantity, amount, shares,
				clock.instant());
		return amount;
	}

	/** Serialises the requests of one reference (a shortage refund over many lines) until commit. */
	public void lockReference(String reference) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(reference).query((rs, n) -> 1).list();
	}

	/** The line refunds recorded under these references, oldest first (what a first request did). */
	public java.util.List<com.linli.ordering.ShortageRefund.Refunded> linesRefundedUnder(java.util.List<String> references) {
		return jdbc.sql("""
				select order_id, line_id, quantity, amount_fen from ordering.order_refund
				 where reference = any(?) order by id""")
			.param(references.toArray(String[]::new))
			.query((rs, n) -> new com.linli.ordering.ShortageRefund.Refunded(new OrderId(rs.getLong(1)),
					new OrderLineId(rs.getLong(2)), rs.getInt(3), Money.ofFen(rs.getLong(4))))
			.list();
	}

	/** The refunds of an order, oldest first. */
	public java.util.List<OrderRefund> of(OrderId order) {
		return jdbc.sql("""
				select reference, line_id, quantity, amount_fen, reason, status, requested_at, completed_at
				  from ordering.order_refund where order_id = ? order by id""")
			.param(order.value())
			.query(OrderRefunds::refund)
			.list();
	}

	/** The refund recorded under a reference, if any (a retried request finds the first one's). */
	public java.util.Optional<OrderRefund> find(String reference) {
		return jdbc.sql("""
				select reference, line_id, quantity, amount_fen, reason, status, requested_at, completed_at
				  from ordering.order_refund where reference = ?""")
			.param(reference)
			.query(OrderRefunds::refund)
			.optional();
	}

	private static OrderRefund refund(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long line = rs.getLong(2);
		OrderLineId lineId = rs.wasNull() ? null : new OrderLineId(line);
		var completed = rs.getTimestamp(8);
		return new OrderRefund(rs.getString(1), lineId, rs.getInt(3), Money.ofFen(rs.getLong(4)), rs.getString(5),
				rs.getString(6), rs.getTimestamp(7).toInstant(), completed == null ? null : completed.toInstant());
	}

	/** Records the refund under its reference; false when it was already recorded (a retry). */
	private boolean claim(Order order, OrderLineId line, String reference, int quantity, Money amount, String reasonCode) {
		return jdbc.sql("""
				insert into ordering.order_refund (order_id, line_id, reference, quantity, amount_fen, reason, status, requested_at)
				values (?, ?, ?, ?, ?, ?, 'REQUESTED', ?) on conflict (reference) do nothing""")
			.params(order.id().value(), line == null ? null : line.value(), reference, quantity, amount.fen(),
					reasonCode.length() > 40 ? reasonCode.substring(0, 40) : reasonCode, Timestamp.from(clock.instant()))
			.update() == 1;
	}

	private void request(Order order, String reference, Money amount, String reason) {
		var refund = payments.refund("order:" + order.id().value(), reference, amount, reason);
		if (refund.status() == RefundStatus.SUCCEEDED) {
			completed(reference);
		}
	}

	/** The provider confirmed the refund (synchronously or by its notification). Idempotent. */
	public void completed(String reference) {
		jdbc.sql("update ordering.order_refund set status = 'SUCCEEDED', completed_at = ? where reference = ? and status = 'REQUESTED'")
			.params(Timestamp.from(clock.instant()), reference).update();
	}
}
