package com.linli.inventory;

/**
 * The accuracy {@code 1 − WAPE} of one forecasting method in a region over the days scored in a period
 * (DESIGN.md section 6): Linli's ({@code linli}) and every baseline's ({@code seasonal-naive},
 * {@code moving-average-28}, ...) on the same days; null when nothing was sold.
 */
public record MethodAccuracy(String method, int days, long actualUnits, Double accuracy) {
}
