package com.linli.analytics.internal.rfm;

import java.time.LocalDate;

/** A segment's size and value (paid in the last 365 days, fen) on a day: one row of the daily snapshot. */
public record SegmentSize(Segment segment, LocalDate day, long residents, long monetaryFen) {
}
