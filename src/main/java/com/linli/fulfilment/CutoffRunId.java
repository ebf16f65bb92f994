package com.linli.fulfilment;

/** Typed id of a cutoff run, as other modules refer to it. */
public record CutoffRunId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
