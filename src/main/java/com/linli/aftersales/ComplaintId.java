package com.linli.aftersales;

/** Typed id of a complaint ticket (投诉), as other modules refer to it. */
public record ComplaintId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
