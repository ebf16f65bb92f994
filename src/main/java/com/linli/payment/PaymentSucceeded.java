package com.linli.payment;

import java.time.Instant;

import com.linli.shared.Money;

/**
 * The money of a payment has arrived, published once per payment. It may follow a {@link PaymentClosed}
 * when the payer paid after the close: the money is then received and the listener should refund it.
 */
public record PaymentSucceeded(PaymentId paymentId, String merchantReference, Money amount, Instant paidAt) {
}
