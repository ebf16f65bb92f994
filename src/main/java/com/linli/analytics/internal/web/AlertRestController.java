package com.linli.analytics.internal.web;

import java.util.List;

import com.linli.analytics.internal.alerts.Alert;
import com.linli.analytics.internal.alerts.AlertCondition;
import com.linli.analytics.internal.alerts.MetricAlertManagement;
import com.linli.analytics.internal.alerts.AlertRule;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alert rules on the dashboard's metrics, the alerts they fired, and acknowledgement. */
@RestController
@RequestMapping("/api/analytics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "analytics-alerts", description = "Alert rules (预警规则) on any metric: threshold or change by day, week, month or quarter")
class AlertRestController {

	private final MetricAlertManagement alerts;

	AlertRestController(MetricAlertManagement alerts) {
		this.alerts = alerts;
	}

	record NewRuleRequest(@NotNull Long regionId, @NotNull String metricKey, Long pickupPointId,
			@NotNull PeriodKind periodKind, @NotNull AlertCondition condition, @NotNull Double threshold,
			@NotNull String name) {
	}

	@PostMapping("/alert-rules")
	@Operation(summary = "Create a rule: BELOW/ABOVE a threshold, or FALLS_BY/RISES_BY a percentage vs the previous period")
	AlertRule create(Actor actor, @RequestBody @Valid NewRuleRequest r) {
		return alerts.create(actor, new MetricAlertManagement.NewRule(r.regionId(), r.metricKey(), r.pickupPointId(),
				r.periodKind(), r.condition(), r.threshold(), r.name()));
	}

	@GetMapping("/alert-rules")
	@Operation(summary = "The region's alert rules, newest first")
	List<AlertRule> rules(Actor actor, @RequestParam long regionId) {
		return alerts.rules(actor, new RegionId(regionId));
	}

	@PostMapping("/alert-rules/{id}/disable")
	@Operation(summary = "Switch a rule off")
	AlertRule disable(Actor actor, @PathVariable long id) {
		return alerts.setEnabled(actor, id, false);
	}

	@PostMapping("/alert-rules/{id}/enable")
	@Operation(summary = "Switch a rule on again")
	AlertRule enable(Actor actor, @PathVariable long id) {
		return alerts.setEnabled(actor, id, true);
	}

	@GetMapping("/alerts")
	@Operation(summary = "The region's fired alerts, newest first")
	List<Alert> history(Actor actor, @RequestParam long regionId,
			@RequestParam(defaultValue = "false") boolean unacknowledged) {
		return alerts.history(actor, new RegionId(regionId), unacknowledged);
	}

	@PostMapping("/alerts/{id}/ack")
	@Operation(summary = "Acknowledge an alert (once)")
	Alert acknowledge(Actor actor, @PathVariable long id) {
		return alerts.acknowledge(actor, id);
	}
}
