package com.linli.leader;

import java.util.Locale;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/**
 * What a monthly contest ranks by, from the performance module's figures of the month: SALES (the pickup point's
 * sales), GROWTH (sales minus the previous month's), SATISFACTION (the month's average review stars, among leaders
 * with at least the contest's minimum of orders).
 */
public enum ContestMetric {

	SALES, GROWTH, SATISFACTION;

	/** A metric named in a request; unknown or missing: 400 naming {@code metric}. */
	public static ContestMetric parse(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("metric", Text.of("leader.problem.incentivesMetric", String.valueOf(value)));
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("metric", Text.of("leader.problem.incentivesMetric", value));
		}
	}
}
