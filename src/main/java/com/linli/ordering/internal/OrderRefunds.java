package com.linli.ordering.internal;

import java.sql.Timestamp;
import java.time.Clock;

import com.linli.ordering.Order;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderLineRefunded;
import com.linli.ordering.OrderRefund;
import com.linli.payment.PaymentManagement;
import com.linli.payment.RefundStatus;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refunds through the payment provider, each once per reference: a whole order (cancel, late
 * payment) or part of a line (short at receipt, damaged, after-sales). The order's and the line's
 * refunded amounts can never exceed what was paid (constraints in the schema).
 */
@Component
public class OrderRefunds {

	private final JdbcClient jdbc;

	private final PaymentManagement payments;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderRefunds(JdbcClient jdbc, PaymentManagement payments, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.events = events;
		this.clock = clock;
	}

	/** Refunds whatever of the order is not refunded yet; every line becomes fully refunded. */
	public Money refundWholeOrder(Order order, String referenceSuffix, String reason) {
		return refundWholeOrder(order, referenceSuffix, referenceSuffix, reason);
	}

	/** As {@link #refundWholeOrder(Order, String, String)}, recorded with its own reason code. */
	public Money refundWholeOrder(Order order, String referenceSuffix, String reasonCode, String reason) {
		Money amount = Money.ZERO;
		for (OrderLine line : order.lines()) {
			amount = amount.plus(line.netAmount());
		}
		if (amount.isZero()) {
			return Money.ZERO;
		}
		String reference = "order:" + order.id().value() + ":" + referenceSuffix;
		if (!claim(order, null, reference, 0, amount, reasonCode)) {
			return Money.ZERO;
		}
		jdbc.sql("""
				update ordering.order_line set refunded_quantity = quantity - picked_up_quantity,
				       refunded_fen = amount_fen where order_id = ? and picked_up_quantity = 0""")
			.param(order.id().value()).update();
		addToOrder(order, amount);
		request(order, reference, amount, reason);
		return amount;
	}

	/**
	 * Refunds {@code quantity} units of a line at the price paid. {@code short} marks units that never
	 * arrived; {@code afterPickup} units that had been handed out (commission is reversed on those).
	 */
	public Money refundLine(Order order, OrderLine line, int quantity, String referenceSuffix, String reasonCode,
			String reason, boolean shortage, boolean afterPickup) {
		if (quantity < 1) {
			throw new BusinessRuleException("invalid-quantity", "quantity", "refund quantity must be at least 1");
		}
		Money amount = line.unitPrice().times(quantity);
		String reference = "line:" + line.id().value() + ":" + referenceSuffix;
		if (!claim(order, line, reference, quantity, amount, reasonCode)) {
			return Money.ZERO;
		}
		int updated = jdbc.sql("""
				update ordering.order_line
				   set refunded_quantity = refunded_quantity + :q, refunded_fen = refunded_fen + :amount,
				       short_quantity = short_quantity + case when :short then :q else 0 end,
				       picked_up_quantity = picked_up_quantity - case when :afterPickup then :q else 0 end
				 where id = :id
				   and (case when :afterPickup then picked_up_quantity >= :q
				        else quantity - refunded_quantity - picked_up_quantity >= :q end)""")
			.param("q", quantity).param("amount", amount.fen()).param("short", shortage)
			.param("afterPickup", afterPickup).param("id", line.id().value()).update();
		if (updated != 1) {
			throw new BusinessRuleException("refund-exceeds-line", "quantity",
					Text.of("ordering.problem.moreUnitsThanLineHasLeft"));
		}
		addToOrder(order, amount);
		request(order, reference, amount, reason);
		events.publishEvent(new OrderLineRefunded(order.id(), order.orderNo(), line.id(), order.residentId(),
				order.pickupPointId(), line.skuId(), line.skuName(), line.categoryId(), quantity, amount, reasonCode,
				afterPickup, reference));
		return amount;
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
	private boolean claim(Order order, OrderLine line, String reference, int quantity, Money amount, String reasonCode) {
		return jdbc.sql("""
				insert into ordering.order_refund (order_id, line_id, reference, quantity, amount_fen, reason, status, requested_at)
				values (?, ?, ?, ?, ?, ?, 'REQUESTED', ?) on conflict (reference) do nothing""")
			.params(order.id().value(), line == null ? null : line.id().value(), reference, quantity, amount.fen(),
					reasonCode.length() > 40 ? reasonCode.substring(0, 40) : reasonCode, Timestamp.from(clock.instant()))
			.update() == 1;
	}

	private void addToOrder(Order order, Money amount) {
		jdbc.sql("update ordering.orders set refunded_fen = refunded_fen + ? where id = ?")
			.params(amount.fen(), order.id().value()).update();
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
