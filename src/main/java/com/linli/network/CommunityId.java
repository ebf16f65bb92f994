package com.linli.network;

/** Typed id of a 小区, used wherever another module refers to one. */
public record CommunityId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
