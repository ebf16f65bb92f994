package com.linli.marketing;

/**
 * The kinds of entry in a resident's points ledger. The balance always equals
 * earned − spent − expired − reversed + given back.
 */
public enum PointsKind {

	/** Points added (check-in, paid amount, a reward). */
	EARNED,
	/** Points used (at checkout, in the points shop). */
	SPENT,
	/** Points that reached the end of the year after the year they were earned. */
	EXPIRED,
	/** Earned points taken back (the order that earned them was cancelled or refunded). */
	REVERSED,
	/** Spent points returned (the order they paid for was cancelled or refunded). */
	GIVEN_BACK;

	/** Does an entry of this kind add to the balance? */
	public boolean adds() {
		return this == EARNED || this == GIVEN_BACK;
	}
}
