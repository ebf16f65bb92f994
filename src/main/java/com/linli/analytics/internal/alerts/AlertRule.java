package com.linli.analytics.internal.alerts;

import java.time.Instant;

import com.linli.analytics.internal.metrics.PeriodKind;

/** A rule on a metric of a region (optionally of one pickup point) by a kind of period. */
public record AlertRule(long id, long regionId, String metricKey, Long pickupPointId, PeriodKind periodKind,
		AlertCondition condition, double threshold, String name, boolean enabled, Instant createdAt) {
}
