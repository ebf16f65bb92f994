package com.linli.aftersales;

/** Typed id of an after-sales request (refund, return or exchange), as other modules refer to it. */
public record AfterSalesRequestId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
