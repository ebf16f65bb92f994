package com.linli.marketing;

/** Typed id of a 团购上架, used wherever another module refers to one. */
public record ListingId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
