package com.linli.network;

/** Typed id of a 仓库, used wherever another module refers to one. */
public record WarehouseId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
