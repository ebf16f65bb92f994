package com.linli.leader;

import java.util.List;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

/**
 * What a level asks for: at least {@code minSales} picked-up sales (net of refunds) over the last three full
 * months and an average rating of at least {@code minRating} (1–5; a leader not yet rated passes the rating).
 */
public record LevelThreshold(LeaderLevel level, Money minSales, double minRating) {

	/**
	 * Checks a region's table: every level once, in order from TRAINEE at 0, sales strictly increasing, ratings
	 * 0 to 5 and never lower than the level below; names the first wrong field as the API spells it.
	 */
	public static void validate(List<LevelThreshold> table) {
		LeaderLevel[] levels = LeaderLevel.values();
		if (table == null || table.size() != levels.length) {
			throw new InvalidInputException("thresholds", Text.of("leader.problem.levelsEveryLevelOnce", levels.length));
		}
		for (int i = 0; i < table.size(); i++) {
			var t = table.get(i);
			if (t == null || t.level() != levels[i]) {
				throw new InvalidInputException("thresholds[" + i + "].level",
						Text.of("leader.problem.levelsOrder", levels[i]));
			}
			if (t.minSales() == null || t.minSales().isNegative()) {
				throw new InvalidInputException("thresholds[" + i + "].minSalesFen", Text.of("leader.problem.required"));
			}
			if (t.minRating() < 0 || t.minRating() > 5) {
				throw new InvalidInputException("thresholds[" + i + "].minRating", Text.of("leader.problem.levelsRating"));
			}
			if (i == 0 && !t.minSales().isZero()) {
				throw new InvalidInputException("thresholds[0].minSalesFen", Text.of("leader.problem.levelsFirstAtZero"));
			}
			if (i > 0) {
				var below = table.get(i - 1);
				if (!t.minSales().isGreaterThan(below.minSales())) {
					throw new InvalidInputException("thresholds[" + i + "].minSalesFen",
							Text.of("leader.problem.levelsSalesRise", below.level()));
				}
				if (t.minRating() < below.minRating()) {
					throw new InvalidInputException("thresholds[" + i + "].minRating",
							Text.of("leader.problem.levelsRatingRise", below.level()));
				}
			}
		}
	}

	/** Whether these figures reach the threshold (no rating yet passes the rating part). */
	public boolean reachedBy(Money sales, Double rating) {
		return sales.compareTo(minSales) >= 0 && (rating == null || rating >= minRating - 1e-9);
	}
}
