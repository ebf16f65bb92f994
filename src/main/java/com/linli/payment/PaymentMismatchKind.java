package com.linli.payment;

/** How a payment's record here disagrees with its provider's. */
public enum PaymentMismatchKind {

	/** Paid here; the provider says the transaction is not paid, closed, or unknown. */
	PAID_HERE_NOT_AT_PROVIDER,

	/** The provider says the transaction was paid, for an amount other than the payment's. */
	AMOUNT_DIFFERS
}
