package com.linli.identity;

/** Typed id of an account, used wherever another module refers to a person. */
public record AccountId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
