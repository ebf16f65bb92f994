package com.linli.payment;

import java.time.Instant;

import com.linli.shared.Money;

/**
 * One payment intent for a merchant reference (such as {@code order:12345}): the amount asked, how much
 * of it has been refunded (or is being refunded), and the provider's transaction with its cashier page.
 */
public record Payment(PaymentId id, String merchantReference, Money amount, Money refunded, PaymentStatus status,
		String provider, String providerTransactionId, String cashierUrl, Instant createdAt, Instant expiresAt,
		Instant paidAt) {

	/** What may still be refunded: the paid amount less refunds made or in progress. */
	public Money refundable() {
		return status == PaymentStatus.SUCCEEDED ? amount.minus(refunded) : Money.ZERO;
	}
}
