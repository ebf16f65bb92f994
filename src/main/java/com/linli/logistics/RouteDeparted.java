package com.linli.logistics;

import java.time.Instant;
import java.time.LocalDate;

/** A route left its grid warehouse (DISPATCHED); {@code lateMinutes} behind its planned departure. */
public record RouteDeparted(long routeId, long planId, long regionId, long gridWarehouseId, LocalDate pickupDate,
		Long driverAccountId, Instant departedAt, long lateMinutes) {
}
