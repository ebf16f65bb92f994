package com.linli.analytics.internal.metrics;

/** How long a dashboard period is; weeks start on Monday, quarters in January, April, July and October. */
public enum PeriodKind {
	DAY, WEEK, MONTH, QUARTER
}
