package com.linli.analytics.internal.facts;

import java.time.Duration;
import java.time.LocalDate;

/** What a rebuild of a region's facts did: the days, the rows written (every table) and how long it took. */
public record RebuildResult(long regionId, LocalDate from, LocalDate toInclusive, long rows, Duration elapsed) {

	public long elapsedMillis() {
		return elapsed.toMillis();
	}
}
