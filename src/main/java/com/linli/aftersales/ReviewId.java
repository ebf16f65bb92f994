package com.linli.aftersales;

/** Typed id of a resident's review of a picked-up order line, as other modules refer to it. */
public record ReviewId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
