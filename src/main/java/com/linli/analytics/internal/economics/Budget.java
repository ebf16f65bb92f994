package com.linli.analytics.internal.economics;

import java.time.Instant;
import java.time.YearMonth;

/** A region's budget for a month (fen): GMV (what residents pay), contribution margin and costs. */
public record Budget(long regionId, YearMonth month, long gmvFen, long marginFen, long costsFen, Instant updatedAt) {
}
