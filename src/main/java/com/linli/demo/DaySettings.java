package com.linli.demo;

import java.time.Instant;

/**
 * How the day simulator runs a day: its seed (the same seed and the same database give the same
 * day), the typical share of residents who order on a day (each community's share varies around it,
 * from about 0.8 to 1.25 times), how the day goes ({@link DayRates}), and, when {@code until} is set, the instant to stop at: what would
 * happen later is left undone, as in a day still under way. Residents pay at the simulated bank's API,
 * where the button 确认支付 may be pressed by any signed-in user: the simulator signs in with
 * {@code cashierPhone} and {@code cashierPassword} (the demo uses its operator login) and presses it
 * on each resident's behalf; the payments themselves are the residents'.
 */
public record DaySettings(long seed, double shopperShare, DayRates rates, Instant until, String cashierPhone,
		String cashierPassword) {

	/** About a third of a community's residents order on a given day. */
	public static final double DEFAULT_SHOPPER_SHARE = 0.32;

	/** At most three in four residents order on one day (their habits still vary the chance). */
	public static final double MAX_SHOPPER_SHARE = 0.75;

	public DaySettings {
		if (!(shopperShare > 0 && shopperShare <= MAX_SHOPPER_SHARE)) {
			throw new IllegalArgumentException("the share of residents who order must be above 0 and at most "
					+ MAX_SHOPPER_SHARE + ", not " + shopperShare);
		}
		if (rates == null) {
			throw new IllegalArgumentException("the day's rates are required");
		}
		if (cashierPhone == null || cashierPhone.isBlank() || cashierPassword == null || cashierPassword.isEmpty()) {
			throw new IllegalArgumentException("the simulator needs a sign-in to pay at the simulated bank");
		}
	}

	/** The typical share and rates, whole days, paying with the given sign-in. */
	public static DaySettings of(long seed, String cashierPhone, String cashierPassword) {
		return new DaySettings(seed, DEFAULT_SHOPPER_SHARE, DayRates.typical(), null, cashierPhone, cashierPassword);
	}

	public DaySettings withShopperShare(double share) {
		return new DaySettings(seed, share, rates, until, cashierPhone, cashierPassword);
	}

	public DaySettings withRates(DayRates newRates) {
		return new DaySettings(seed, shopperShare, newRates, until, cashierPhone, cashierPassword);
	}

	/** Stops the days at {@code instant} (null: run them to the end). */
	public DaySettings until(Instant instant) {
		return new DaySettings(seed, shopperShare, rates, instant, cashierPhone, cashierPassword);
	}
}
