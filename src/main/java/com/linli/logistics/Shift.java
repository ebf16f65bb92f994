package com.linli.logistics;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A vehicle's shift on one date: its driver, when it may leave and when it must be back, or off that day.
 * {@code planned} is false when nothing was entered for the date and the vehicle's usual shift applies.
 */
public record Shift(long vehicleId, LocalDate date, Long driverAccountId, LocalTime startsAt, LocalTime latestReturn,
		boolean available, boolean planned) {
}
