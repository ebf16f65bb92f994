package com.linli.leader;

import java.util.Optional;

/**
 * A leader's level (团长等级), from the last three full months' sales and their rating, recomputed each month:
 * 见习 TRAINEE, 铜牌 BRONZE, 银牌 SILVER, 金牌 GOLD. Each level may have its own commission bands in a region.
 */
public enum LeaderLevel {

	TRAINEE, BRONZE, SILVER, GOLD;

	/** The level below, empty for TRAINEE. */
	public Optional<LeaderLevel> lower() {
		return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
	}

	/** The level above, empty for GOLD. */
	public Optional<LeaderLevel> higher() {
		return ordinal() == values().length - 1 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
	}

	/** The bundle key of the level's name. */
	public String messageKey() {
		return "leader.levels.level." + name();
	}
}
