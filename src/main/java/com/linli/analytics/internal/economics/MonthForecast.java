package com.linli.analytics.internal.economics;

/**
 * The month's close as forecast (fen): the actual figures of the pickup dates up to today, plus the sales forecast
 * for the rest of the month (inventory forecasts units per SKU; they are valued at each SKU's average paid price of
 * the last 28 days) times the month-to-date margin rate. {@code forecastDays} is how many of the {@code restDays}
 * the forecast covers (at most 28); {@code unpricedSkus} were forecast but not sold lately (left out).
 */
public record MonthForecast(long actualGmvFen, long actualMarginFen, long actualCostsFen, int restDays, int forecastDays,
		long restGmvFen, Double marginRate, long closeGmvFen, long closeMarginFen, long closeCostsFen, int forecastSkus,
		int unpricedSkus) {
}
