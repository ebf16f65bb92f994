package com.linli.shared;

/**
 * Typed id of a supplier. It lives in shared because catalog (which may depend on nothing but shared)
 * records a product's default supplier, while the supply module owns suppliers.
 */
public record SupplierId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
