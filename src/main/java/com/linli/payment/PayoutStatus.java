package com.linli.payment;

/** A payout is PENDING until the provider answers, then SUCCEEDED (the money left) or FAILED (it did not). */
public enum PayoutStatus {
	PENDING, SUCCEEDED, FAILED
}
