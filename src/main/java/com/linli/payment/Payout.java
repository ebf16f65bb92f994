package com.linli.payment;

import java.time.Instant;

import com.linli.shared.Money;

/**
 * Money the platform pays out (a leader's withdrawal), one per reference: the provider's id once it answered,
 * and why it failed when it did.
 */
public record Payout(String reference, Payee payee, Money amount, PayoutStatus status, String providerPayoutId,
		String failureReason, Instant createdAt, Instant completedAt) {

	public boolean succeeded() {
		return status == PayoutStatus.SUCCEEDED;
	}

	public boolean failed() {
		return status == PayoutStatus.FAILED;
	}
}
