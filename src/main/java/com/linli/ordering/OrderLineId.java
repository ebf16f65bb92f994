package com.linli.ordering;

/** Typed id of an order line, as other modules refer to it. */
public record OrderLineId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
