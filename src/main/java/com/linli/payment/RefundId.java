package com.linli.payment;

/** Typed id of a refund on the platform side. */
public record RefundId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
