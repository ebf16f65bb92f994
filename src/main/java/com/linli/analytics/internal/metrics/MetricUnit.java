package com.linli.analytics.internal.metrics;

/**
 * How a metric's value reads: a count; money in fen; a ratio (0.25 reads 25%); days; a plain decimal (a score).
 */
public enum MetricUnit {
	COUNT, MONEY_FEN, RATIO, DAYS, DECIMAL
}
