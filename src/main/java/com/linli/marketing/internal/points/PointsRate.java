package com.linli.marketing.internal.points;

import java.math.BigInteger;

import com.linli.shared.Money;

/**
 * How points convert to money at checkout: {@code pointsPerYuan} points are one yuan. Only whole fen are
 * paid, so points are spent in steps that are worth a whole number of fen (with 100 points a yuan, any
 * number; with 200, even numbers); converting a deduction back to points is then exact.
 */
public record PointsRate(long pointsPerYuan) {

	public PointsRate {
		if (pointsPerYuan <= 0) {
			throw new IllegalArgumentException("points per yuan must be positive");
		}
	}

	/** The fewest points worth a whole number of fen. */
	public long step() {
		return pointsPerYuan / BigInteger.valueOf(pointsPerYuan).gcd(BigInteger.valueOf(100)).longValue();
	}

	public boolean isWholeFen(long points) {
		return points % step() == 0;
	}

	/** What whole-fen points are worth. */
	public Money money(long points) {
		if (!isWholeFen(points)) {
			throw new IllegalArgumentException(points + " points are not worth whole fen");
		}
		return Money.ofFen(Math.multiplyExact(points, 100) / pointsPerYuan);
	}

	/** The most points (in whole steps) worth no more than {@code amount}. */
	public long pointsWorth(Money amount) {
		long points = Math.multiplyExact(amount.fen(), pointsPerYuan) / 100;
		return points - points % step();
	}
}
