package com.linli.payment;

/** A payment was closed unpaid (its order expired or was cancelled before paying). */
public record PaymentClosed(PaymentId paymentId, String merchantReference) {
}
