package com.linli.leader;

/** Typed id of a leader's withdrawal (提现). */
public record WithdrawalId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
