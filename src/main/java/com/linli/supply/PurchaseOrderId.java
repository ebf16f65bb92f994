package com.linli.supply;

public record PurchaseOrderId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
