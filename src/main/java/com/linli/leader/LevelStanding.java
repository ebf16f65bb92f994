package com.linli.leader;

import java.util.Optional;

import com.linli.shared.Money;

/**
 * Where a leader stands now: the level of this month (TRAINEE before the first computation), the record behind it,
 * and what the next level asks for: its threshold and the sales still missing over the current three months
 * ({@code salesSoFar}: the last two full months and this month so far).
 */
public record LevelStanding(LeaderId leaderId, LeaderLevel level, Optional<LevelRecord> record,
		Optional<LevelThreshold> next, Money salesSoFar, Money salesToNext) {
}
