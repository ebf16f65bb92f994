package com.linli.marketing;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

/**
 * A listing's group-buy terms: a team of {@code teamSize} residents (2–50) buys at {@code teamPrice}
 * if it fills within {@code timeLimitMinutes} of its opening (never after the listing's cutoff); with
 * {@code allowFewer} an unfilled team whose paid members are fewer than its size still succeeds at the
 * deadline instead of being refunded.
 */
public record TeamTerms(ListingId listing, int teamSize, int timeLimitMinutes, Money teamPrice, boolean allowFewer) {

	public static final int MIN_SIZE = 2, MAX_SIZE = 50, MAX_TIME_LIMIT_MINUTES = 7 * 24 * 60;

	/** Throws a 400 naming the first wrong field; the team price must be below the listing's group price. */
	public void check(Money groupPrice) {
		if (teamSize < MIN_SIZE || teamSize > MAX_SIZE) {
			throw new InvalidInputException("teamSize", Text.of("marketing.teams.problem.size", MIN_SIZE, MAX_SIZE));
		}
		if (timeLimitMinutes < 1 || timeLimitMinutes > MAX_TIME_LIMIT_MINUTES) {
			throw new InvalidInputException("timeLimitMinutes",
					Text.of("marketing.teams.problem.timeLimit", MAX_TIME_LIMIT_MINUTES));
		}
		if (teamPrice == null || teamPrice.fen() <= 0 || teamPrice.fen() >= groupPrice.fen()) {
			throw new InvalidInputException("teamPriceFen", Text.of("marketing.teams.problem.price", groupPrice));
		}
	}
}
