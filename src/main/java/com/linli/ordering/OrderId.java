package com.linli.ordering;

/** Typed id of an order, as other modules refer to it. */
public record OrderId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
