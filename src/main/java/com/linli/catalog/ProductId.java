package com.linli.catalog;

/** Typed id of a 商品, used wherever another module refers to one. */
public record ProductId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
