package com.linli.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of renminbi in integer fen (分). Never a double: every ledger balances to the fen.
 */
public record Money(long fen) implements Comparable<Money> {

	public static final Money ZERO = new Money(0);

	public static Money ofFen(long fen) {
		return new Money(fen);
	}

	/** Parses a yuan amount such as "12.80"; more than two decimals is an error, not a rounding. */
	public static Money ofYuan(String yuan) {
		try {
			return new Money(new BigDecimal(yuan.trim()).movePointRight(2).longValueExact());
		}
		catch (ArithmeticException | NumberFormatException e) {
			throw new IllegalArgumentException("not an amount in yuan with at most two decimals: " + yuan);
		}
	}

	public static Money ofYuan(BigDecimal yuan) {
		return ofYuan(yuan.toPlainString());
	}

	public Money plus(Money other) {
		return new Money(Math.addExact(fen, other.fen));
	}

	public Money minus(Money other) {
		return new Money(Math.subtractExact(fen, other.fen));
	}

	public Money times(long quantity) {
		return new Money(Math.multiplyExact(fen, quantity));
	}

	/** This amount times a rate given in basis points (1/10000), rounded half-up to the fen. */
	public Money timesBasisPoints(long basisPoints) {
		return new Money(BigDecimal.valueOf(fen).multiply(BigDecimal.valueOf(basisPoints))
			.divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact());
	}

	public boolean isNegative() {
		return fen < 0;
	}

	public boolean isZero() {
		return fen == 0;
	}

	public boolean isGreaterThan(Money other) {
		return fen > other.fen;
	}

	public BigDecimal yuan() {
		return BigDecimal.valueOf(fen, 2);
	}

	@Override
	public int compareTo(Money other) {
		return Long.compare(fen, other.fen);
	}

	/** "12.80", the way prices are written on a price tag. */
	@Override
	public String toString() {
		return yuan().toPlainString();
	}
}
