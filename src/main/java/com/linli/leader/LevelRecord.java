package com.linli.leader;

import java.time.Instant;
import java.time.YearMonth;

import com.linli.shared.Money;

/**
 * One month of a leader's level history: the level that applies in {@code month}, from the {@code sales} of the
 * three full months before it and the average {@code rating} over {@code ratings} reviews (null: none yet).
 */
public record LevelRecord(LeaderId leaderId, YearMonth month, LeaderLevel level, Money sales, Double rating,
		int ratings, Instant computedAt, String computedBy) {
}
