package com.linli.inventory;

import java.time.LocalDate;

/**
 * One day of a SKU's demand in a region: {@code actualUnits} once known (null ahead or on a day the
 * region did not sell, 0 on a day it sold but not this SKU), Linli's forecast (the median-based point
 * forecast), the expected units (mean-based, for caps) and the seasonal-naive forecast made for that day
 * (null when none was made), and whether the SKU was on promotion.
 */
public record ForecastPoint(LocalDate date, Long actualUnits, Double forecastUnits, Double expectedUnits,
		Double naiveUnits, boolean promoted) {
}
