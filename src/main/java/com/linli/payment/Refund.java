package com.linli.payment;

import java.time.Instant;

import com.linli.shared.Money;

/** Money returned (or being returned) to the payer of a payment, identified by the caller's refund reference. */
public record Refund(RefundId id, PaymentId paymentId, String merchantReference, String refundReference, Money amount,
		String reason, RefundStatus status, Instant createdAt, Instant completedAt) {
}
