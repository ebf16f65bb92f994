package com.linli.leader;

/** Typed id of a monthly contest. */
public record ContestId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
