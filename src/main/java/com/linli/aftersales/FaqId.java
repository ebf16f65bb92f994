package com.linli.aftersales;

/** Typed id of a question of the help centre, as other modules refer to it. */
public record FaqId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
