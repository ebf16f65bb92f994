package com.linli.inventory;

import java.time.LocalDate;

/**
 * One day of a SKU's demand in a region: {@code actualUnits} once known (null ahead, 0 on a day the
 * region sold but not this SKU), Linli's forecast and the seasonal-naive one made for that day
 * (null when none was made), and whether the region was open that day.
 */
public record ForecastPoint(LocalDate date, Long actualUnits, Double forecastUnits, Double naiveUnits,
		boolean promoted) {
}
