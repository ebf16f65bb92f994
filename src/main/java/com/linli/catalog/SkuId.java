package com.linli.catalog;

/** Typed id of a SKU, used wherever another module refers to one. */
public record SkuId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
