package com.linli.leader;

/** Typed id of a group leader (团长). */
public record LeaderId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
