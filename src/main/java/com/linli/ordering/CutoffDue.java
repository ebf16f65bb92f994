package com.linli.ordering;

import java.time.LocalDate;

import com.linli.network.RegionId;

/** A region and pickup date whose paid orders have all passed their cutoff and wait to be confirmed. */
public record CutoffDue(RegionId regionId, LocalDate pickupDate) {
}
