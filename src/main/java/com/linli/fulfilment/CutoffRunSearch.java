package com.linli.fulfilment;

import java.time.LocalDate;

import com.linli.network.RegionId;

/** Filters of the cutoff run list; null means any. Pickup dates from {@code from} to {@code to}, inclusive. */
public record CutoffRunSearch(RegionId regionId, LocalDate from, LocalDate to, CutoffStatus status) {
}
