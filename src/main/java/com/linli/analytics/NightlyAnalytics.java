package com.linli.analytics;

import java.time.LocalDate;

import com.linli.analytics.internal.alerts.AlertCondition;
import com.linli.analytics.internal.alerts.MetricAlertManagement;
import com.linli.analytics.internal.facts.FactsRebuild;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.analytics.internal.rfm.RfmRun;
import com.linli.identity.Actor;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;

import org.springframework.stereotype.Service;

/**
 * Analytics' scheduled work run on demand (by the demo city and the simulator): the rebuild of a region's read models
 * (for history bulk-loaded without events), the RFM scoring of a region as of a day, alert rules, and an evaluation of
 * every rule. The same code the nightly and hourly jobs run.
 */
@Service
public class NightlyAnalytics {

	private final RfmRun rfm;

	private final MetricAlertManagement alerts;

	private final FactsRebuild facts;

	NightlyAnalytics(RfmRun rfm, MetricAlertManagement alerts, FactsRebuild facts) {
		this.rfm = rfm;
		this.alerts = alerts;
		this.facts = facts;
	}

	/** Rebuilds the region's read models for the days from ordering's API (idempotent); the rows written. */
	public long rebuildFacts(RegionId region, LocalDate from, LocalDate toInclusive) {
		return facts.rebuild(region, from, toInclusive).rows();
	}

	/** Scores the region's residents as of the day (a rerun replaces); how many were scored. */
	public int scoreResidents(RegionId region, LocalDate asOf) {
		return rfm.run(region, asOf);
	}

	/**
	 * Adds an alert rule: {@code periodKind} DAY/WEEK/MONTH/QUARTER, {@code condition} BELOW/ABOVE/FALLS_BY/RISES_BY;
	 * the rule's id.
	 */
	public long addAlertRule(Actor actor, RegionId region, String metricKey, PickupPointId point, String periodKind,
			String condition, double threshold, String name) {
		return alerts.create(actor, new MetricAlertManagement.NewRule(region.value(), metricKey,
				point == null ? null : point.value(), PeriodKind.valueOf(periodKind), AlertCondition.valueOf(condition),
				threshold, name)).id();
	}

	/** The metric key of the point-level metric "orders at a pickup point". */
	public static String pickupPointOrdersMetric() {
		return com.linli.analytics.internal.alerts.PointOrdersMetric.KEY;
	}

	/** Evaluates every enabled rule on its last complete period before the day; the alerts raised. */
	public int evaluateAlerts(LocalDate today) {
		return alerts.evaluate(today);
	}
}
