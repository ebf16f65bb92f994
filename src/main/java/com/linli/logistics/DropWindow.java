package com.linli.logistics;

import java.time.LocalTime;

/**
 * A pickup point's delivery window and service time; {@code custom} is false when the default
 * (05:00–08:00, 10 minutes) applies.
 */
public record DropWindow(long pickupPointId, String pickupPointName, long gridWarehouseId, LocalTime windowStart,
		LocalTime windowEnd, int serviceMinutes, boolean custom) {

	public static final LocalTime DEFAULT_START = LocalTime.of(5, 0);

	public static final LocalTime DEFAULT_END = LocalTime.of(8, 0);

	public static final int DEFAULT_SERVICE_MINUTES = 10;
}
