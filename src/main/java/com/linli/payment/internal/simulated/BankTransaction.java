package com.linli.payment.internal.simulated;

import java.time.Instant;

import com.linli.payment.internal.PaymentProvider.State;
import com.linli.shared.Money;

/** A transaction as the simulated bank keeps it. */
record BankTransaction(String id, String merchantReference, String description, Money amount, Money refunded,
		State state, Long payerAccountId, Instant createdAt, Instant expiresAt, Instant paidAt) {

	boolean isExpired(Instant now) {
		return !expiresAt.isAfter(now);
	}

	/** Whether the cashier may still take the money. */
	boolean isPayable(Instant now) {
		return state == State.NOT_PAID && !isExpired(now);
	}
}
