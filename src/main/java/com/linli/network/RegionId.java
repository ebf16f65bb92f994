package com.linli.network;

/** Typed id of a 城市区域, used wherever another module refers to one. */
public record RegionId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
