package com.linli.network;

/** Typed id of a 自提点, used wherever another module refers to one. */
public record PickupPointId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
