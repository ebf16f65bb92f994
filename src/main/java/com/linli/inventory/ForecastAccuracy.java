package com.linli.inventory;

import java.time.LocalDate;

/**
 * The score of one day's forecasts in a region (DESIGN.md section 6): accuracy {@code 1 − WAPE} of
 * Linli's forecaster and of seasonal-naive over the SKUs forecast or sold that day; null when nothing
 * was sold (WAPE undefined).
 */
public record ForecastAccuracy(LocalDate date, int skus, long actualUnits, Double linli, Double naive) {
}
