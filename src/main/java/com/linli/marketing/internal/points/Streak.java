package com.linli.marketing.internal.points;

/**
 * The check-in rules: the streak is the number of days in a row with a check-in (a missed day starts
 * again at 1); every seventh day in a row (7, 14, ...) gives {@code bonus} points, the others {@code daily}.
 */
public record Streak(long daily, long bonus) {

	public static final int BONUS_EVERY = 7;

	/** Today's streak, given yesterday's (0: no check-in yesterday). */
	public int next(int yesterdaysStreak) {
		return yesterdaysStreak <= 0 ? 1 : yesterdaysStreak + 1;
	}

	/** The points of the check-in that makes this streak. */
	public long pointsFor(int streak) {
		if (streak < 1) {
			throw new IllegalArgumentException("a streak starts at 1");
		}
		return streak % BONUS_EVERY == 0 ? bonus : daily;
	}

	/**
	 * How many check-ins until a bonus one, counting the next check-in (which makes {@code nextStreak}):
	 * 1 when the next one is a bonus day.
	 */
	public int checkInsToBonus(int nextStreak) {
		return (BONUS_EVERY - nextStreak % BONUS_EVERY) % BONUS_EVERY + 1;
	}
}
