package com.linli.catalog;

/** Typed id of a 类目, used wherever another module refers to one. */
public record CategoryId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
