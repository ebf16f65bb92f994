package com.linli.analytics;

import java.time.LocalDate;

/**
 * An alert rule fired for a period: the metric's {@code value} (and the previous period's, for a change rule) broke
 * the rule's threshold. The message centre tells the region's operators, in the app and through the outbound
 * channels. {@code pickupPointId} is null for a region-wide rule.
 */
public record AlertRaised(long alertId, long ruleId, long regionId, String ruleName, String metricKey,
		Long pickupPointId, String periodKind, LocalDate periodStart, double value, Double previousValue,
		String condition, double threshold) {
}
