package com.linli.payment;

import com.linli.shared.Money;

/** The provider returned the money of a refund to the payer; published once per refund reference. */
public record RefundSucceeded(RefundId refundId, String merchantReference, String refundReference, Money amount) {
}
