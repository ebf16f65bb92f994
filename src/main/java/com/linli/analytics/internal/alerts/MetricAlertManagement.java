package com.linli.analytics.internal.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.linli.analytics.AlertRaised;
import com.linli.analytics.internal.metrics.Metric;
import com.linli.analytics.internal.metrics.Metrics;
import com.linli.analytics.internal.metrics.Period;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.identity.Actor;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alert rules on any metric of {@link Metrics} (by key), for a region or, for {@link PointOrdersMetric}, one pickup
 * point; their evaluation; the alerts they fired and their acknowledgement. A rule is evaluated on the last complete
 * period of its kind before the day (a day rule on yesterday, a week rule on last week...); it fires at most once per
 * period (a unique key), and a fired alert is published as {@link AlertRaised} for the message centre.
 */
@Service
public class MetricAlertManagement {

	private static final Logger log = LoggerFactory.getLogger(MetricAlertManagement.class);

	private final AlertStore store;

	private final Metrics metrics;

	private final PointOrdersMetric pointOrders;

	private final PickupPointManagement points;

	private final RegionManagement regions;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	MetricAlertManagement(AlertStore store, Metrics metrics, PointOrdersMetric pointOrders, PickupPointManagement points,
			RegionManagement regions, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
		this.store = store;
		this.metrics = metrics;
		this.pointOrders = pointOrders;
		this.points = points;
		this.regions = regions;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** What an operator fills in for a rule. */
	public record NewRule(long regionId, String metricKey, Long pickupPointId, PeriodKind periodKind,
			AlertCondition condition, Double threshold, String name) {
	}

	public AlertRule create(Actor actor, NewRule rule) {
		actor.checkRegion(rule.regionId());
		if (rule.metricKey() == null || !known(rule.metricKey())) {
			throw new InvalidInputException("metricKey", Text.of("analytics.alerts.problem.metric", rule.metricKey()));
		}
		if (PointOrdersMetric.KEY.equals(rule.metricKey()) && rule.pickupPointId() == null) {
			throw new InvalidInputException("pickupPointId", Text.of("analytics.alerts.problem.pointRequired"));
		}
		if (rule.periodKind() == null) {
			throw new InvalidInputException("periodKind", Text.of("analytics.alerts.problem.periodKind"));
		}
		if (rule.condition() == null) {
			throw new InvalidInputException("condition", Text.of("analytics.alerts.problem.condition"));
		}
		if (rule.threshold() == null || rule.threshold().isNaN() || (rule.condition().isChange() && rule.threshold() <= 0)) {
			throw new InvalidInputException("threshold", Text.of("analytics.alerts.problem.threshold"));
		}
		if (rule.name() == null || rule.name().isBlank() || rule.name().length() > 80) {
			throw new InvalidInputException("name", Text.of("analytics.alerts.problem.name"));
		}
		if (rule.pickupPointId() != null) {
			if (!PointOrdersMetric.KEY.equals(rule.metricKey())) {
				throw new InvalidInputException("pickupPointId", Text.of("analytics.alerts.problem.pointMetric",
						PointOrdersMetric.KEY));
			}
			var point = points.getPickupPoint(new PickupPointId(rule.pickupPointId()));
			if (point.regionId().value() != rule.regionId()) {
				throw new InvalidInputException("pickupPointId", Text.of("analytics.alerts.problem.pointRegion"));
			}
		}
		return transaction.execute(s -> {
			long id = store.insertRule(rule.regionId(), rule.metricKey(), rule.pickupPointId(), rule.periodKind(),
					rule.condition(), rule.threshold(), rule.name().strip(), clock.instant(), actor.accountIdOrNull());
			events.publishEvent(new AdminChange(actor.actedBy(), "analytics.alert-rule.create", "alert-rule:" + id,
					rule.name().strip()));
			return store.rule(id).orElseThrow();
		});
	}

	public List<AlertRule> rules(Actor actor, RegionId region) {
		actor.checkRegion(region.value());
		return store.rules(region.value());
	}

	/** Switches a rule off (or on again); a rule already so is a 409. */
	public AlertRule setEnabled(Actor actor, long id, boolean enabled) {
		AlertRule rule = rule(actor, id);
		return transaction.execute(s -> {
			if (!store.setEnabled(id, enabled)) {
				throw new BusinessRuleException("alert-rule-unchanged", "enabled",
						Text.of(enabled ? "analytics.alerts.problem.enabledAlready" : "analytics.alerts.problem.disabledAlready"));
			}
			events.publishEvent(new AdminChange(actor.actedBy(), "analytics.alert-rule." + (enabled ? "enable" : "disable"),
					"alert-rule:" + id, rule.name()));
			return store.rule(id).orElseThrow();
		});
	}

	public List<Alert> history(Actor actor, RegionId region, boolean unacknowledgedOnly) {
		actor.checkRegion(region.value());
		return store.alerts(region.value(), unacknowledgedOnly, 500);
	}

	/** An operator acknowledges an alert (once: again is a 409). */
	public Alert acknowledge(Actor actor, long alertId) {
		Alert alert = store.alert(alertId).filter(a -> actor.worksIn(a.regionId()))
			.orElseThrow(() -> new NotFoundException("alert", alertId));
		return transaction.execute(s -> {
			if (!store.acknowledge(alertId, actor.requireAccount().value(), clock.instant())) {
				throw new BusinessRuleException("alert-acknowledged", Text.of("analytics.alerts.problem.acknowledged"));
			}
			return store.alert(alert.id()).orElseThrow();
		});
	}

	/**
	 * Evaluates every enabled rule on the last complete period of its kind before {@code today}; the number of
	 * alerts raised (a period already alerted for a rule raises nothing again).
	 */
	public int evaluate(LocalDate today) {
		int raised = 0;
		List<AlertRule> rules = store.enabledRules();
		for (int i = 0; i < rules.size(); i++) {
			AlertRule rule = rules.get(i);
			try {
				if (evaluate(rule, Period.containing(rule.periodKind(), today).previous())) {
					raised++;
				}
			}
			catch (RuntimeException e) {
				log.warn("Alert rule {} ({}) not evaluated: {}", rule.id(), rule.metricKey(), e.toString());
			}
			if (rules.size() >= 20 && (i + 1) % (rules.size() / 10) == 0) {
				log.info("Alerts: {}% of {} rules evaluated", (i + 1) * 100 / rules.size(), rules.size());
			}
		}
		return raised;
	}

	/** Evaluates one rule on one period; true when it raised an alert now. */
	boolean evaluate(AlertRule rule, Period period) {
		if (!known(rule.metricKey())) {
			return false;
		}
		Map<Period, Double> values = values(rule, List.of(period.previous(), period));
		Double value = values.get(period);
		if (value == null) {
			return false;
		}
		Double previous = values.get(period.previous());
		if (!rule.condition().fires(value, previous, rule.threshold())) {
			return false;
		}
		Double prior = rule.condition().isChange() ? previous : null;
		return Boolean.TRUE.equals(transaction.execute(s -> store.insertAlert(rule, period.start(), value, prior,
				clock.instant()).map(id -> {
					events.publishEvent(new AlertRaised(id, rule.id(), rule.regionId(), rule.name(), rule.metricKey(),
							rule.pickupPointId(), rule.periodKind().name(), period.start(), value, prior,
							rule.condition().name(), rule.threshold()));
					return true;
				}).orElse(false)));
	}

	/** A dashboard metric, or the point-level metric of rules on one pickup point. */
	private boolean known(String metricKey) {
		return PointOrdersMetric.KEY.equals(metricKey) || metrics.metric(metricKey).isPresent();
	}

	/** The metrics a rule may watch: the dashboard's and the orders of one pickup point. */
	public List<Metric> watchable() {
		var all = new java.util.ArrayList<>(metrics.all());
		all.add(PointOrdersMetric.METRIC);
		return all;
	}

	private Map<Period, Double> values(AlertRule rule, List<Period> periods) {
		RegionId region = new RegionId(rule.regionId());
		if (rule.pickupPointId() != null) {
			return pointOrders.values(region, new PickupPointId(rule.pickupPointId()), periods);
		}
		return metrics.values(region, rule.metricKey(), periods);
	}

	private AlertRule rule(Actor actor, long id) {
		return store.rule(id).filter(r -> actor.worksIn(r.regionId()))
			.orElseThrow(() -> new NotFoundException("alert rule", id));
	}

	/** Today in the region's zone. */
	LocalDate today(RegionId region) {
		return LocalDate.now(clock.withZone(regions.getRegion(region).zone()));
	}

	/** Alerts a rule raised, by period (for tests and the rule's page). */
	public List<Alert> alertsOf(Actor actor, long ruleId) {
		rule(actor, ruleId);
		return store.alertsOfRule(ruleId);
	}
}
