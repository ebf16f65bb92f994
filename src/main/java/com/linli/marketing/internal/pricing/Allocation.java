package com.linli.marketing.internal.pricing;

/**
 * Splits an amount in fen over weights in proportion, exact to the fen: each part is the floor of its
 * exact share, and the fen left over go one each to the largest remainders (ties to the earlier index).
 * The parts always add up to the amount, and a zero weight never gets a fen.
 */
public final class Allocation {

	private Allocation() {
	}

	/** {@code amount} split over {@code weights} (each ≥ 0, at least one > 0 when amount > 0). */
	public static long[] proportional(long amount, long[] weights) {
		if (amount < 0) {
			throw new IllegalArgumentException("amount must not be negative: " + amount);
		}
		long[] parts = new long[weights.length];
		java.math.BigInteger total = java.math.BigInteger.ZERO;
		for (long w : weights) {
			if (w < 0) {
				throw new IllegalArgumentException("weights must not be negative");
			}
			total = total.add(java.math.BigInteger.valueOf(w));
		}
		if (amount == 0) {
			return parts;
		}
		if (total.signum() == 0) {
			throw new IllegalArgumentException("nothing to allocate " + amount + " fen over");
		}
		java.math.BigInteger a = java.math.BigInteger.valueOf(amount);
		long[] remainders = new long[weights.length];
		long given = 0;
		for (int i = 0; i < weights.length; i++) {
			var qr = a.multiply(java.math.BigInteger.valueOf(weights[i])).divideAndRemainder(total);
			parts[i] = qr[0].longValueExact();
			// remainders compared as fractions of the same total: the numerator is enough
			remainders[i] = qr[1].min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
			given += parts[i];
		}
		long left = amount - given;
		while (left > 0) {
			int best = -1;
			for (int i = 0; i < weights.length; i++) {
				if (weights[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
					best = i;
				}
			}
			parts[best]++;
			remainders[best] = -1;
			left--;
		}
		return parts;
	}
}
