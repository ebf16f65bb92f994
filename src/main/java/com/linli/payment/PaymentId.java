package com.linli.payment;

/** Typed id of a payment on the platform side. */
public record PaymentId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
