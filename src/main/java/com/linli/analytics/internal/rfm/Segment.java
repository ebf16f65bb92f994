package com.linli.analytics.internal.rfm;

import java.util.Locale;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/**
 * The RFM segments, in display order. The rule (first that matches, R/F/M the 1–5 scores of {@link RfmScoring}):
 *
 * <pre>
 * | segment     | rule                                                  |
 * |-------------|-------------------------------------------------------|
 * | NEW         | first order within the last 30 days (day 0..29)       |
 * | CHAMPIONS   | R >= 4 and F >= 4 and M >= 4                          |
 * | LOYAL       | R >= 3 and F >= 4                                     |
 * | POTENTIAL   | R >= 3 (recent, not yet frequent)                     |
 * | AT_RISK     | R <= 2 and F >= 3 (used to order often, not lately)   |
 * | HIBERNATING | R = 2                                                 |
 * | LOST        | R = 1                                                 |
 * </pre>
 */
public enum Segment {

	CHAMPIONS, LOYAL, POTENTIAL, NEW, AT_RISK, HIBERNATING, LOST;

	/** A first order this many days back or fewer makes a resident new. */
	public static final int NEW_DAYS = 30;

	public static Segment of(int r, int f, int m, int daysSinceFirstOrder) {
		if (daysSinceFirstOrder < NEW_DAYS) {
			return NEW;
		}
		if (r >= 4 && f >= 4 && m >= 4) {
			return CHAMPIONS;
		}
		if (r >= 3 && f >= 4) {
			return LOYAL;
		}
		if (r >= 3) {
			return POTENTIAL;
		}
		if (f >= 3) {
			return AT_RISK;
		}
		return r == 2 ? HIBERNATING : LOST;
	}

	/** From a path or a query: {@code at-risk}, {@code AT_RISK} and {@code at_risk} alike; 400 otherwise. */
	public static Segment parse(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (RuntimeException e) {
			throw new InvalidInputException("segment", Text.of("analytics.rfm.problem.segment", text));
		}
	}

	public String labelKey() {
		return "analytics.segment." + name();
	}
}
