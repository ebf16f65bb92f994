package com.linli.analytics.internal.alerts;

import java.time.Instant;
import java.time.LocalDate;

/** A fired alert: the rule, the period, the values that broke it; acknowledged by an operator or not yet. */
public record Alert(long id, long ruleId, String ruleName, String metricKey, Long pickupPointId, long regionId,
		String periodKind, LocalDate periodStart, double value, Double previousValue, AlertCondition condition,
		double threshold, Instant raisedAt, Instant acknowledgedAt, Long acknowledgedBy) {
}
