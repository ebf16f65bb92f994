package com.linli.inventory;

/** Typed id of a batch (批次) of one SKU in one warehouse. */
public record StockBatchId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
