package com.linli.leader;

public record PenaltyId(long value) {

	@Override
	public String toString() {
		return String.valueOf(value);
	}
}
