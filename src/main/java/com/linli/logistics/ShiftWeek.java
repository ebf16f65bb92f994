package com.linli.logistics;

import java.time.LocalDate;
import java.util.List;

/** The shifts of a grid warehouse's active vehicles over seven days from {@code from}, one row per vehicle. */
public record ShiftWeek(long gridWarehouseId, LocalDate from, List<LocalDate> days, List<Row> rows) {

	public record Row(Vehicle vehicle, List<Shift> shifts) {
	}
}
