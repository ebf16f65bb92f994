package com.linli.payment;

import java.time.Instant;

import com.linli.shared.Money;

/**
 * The reconciliation found a payment whose record here disagrees with its provider's: paid here but not
 * at the provider (as a forged notification would leave it), or paid at the provider for another amount.
 * Published once per payment and kind; the payment is flagged, not changed: a person decides what
 * becomes of it.
 * @param platformStatus the payment's status here
 * @param providerState the provider's state of the transaction ({@code PAID}, {@code NOT_PAID},
 *     {@code CLOSED}), or {@code UNKNOWN} when the provider has no such transaction
 * @param providerAmount what the provider says was paid, or null when it says nothing was
 */
public record PaymentMismatchFound(PaymentId paymentId, String merchantReference, PaymentMismatchKind kind,
		PaymentStatus platformStatus, Money platformAmount, String providerState, Money providerAmount,
		Instant foundAt) {
}
