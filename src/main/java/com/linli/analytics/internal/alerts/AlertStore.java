package com.linli.analytics.internal.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.linli.analytics.internal.metrics.PeriodKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Alert rules and fired alerts, in analytics' schema. */
@Component
class AlertStore {

	private final JdbcClient jdbc;

	AlertStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertRule(long region, String metricKey, Long point, PeriodKind kind, AlertCondition condition,
			double threshold, String name, Instant now, Long by) {
		return jdbc.sql("""
				insert into analytics.alert_rule (region_id, metric_key, pickup_point_id, period_kind, kind, threshold,
				    name, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(region, metricKey, point, kind.name(), condition.name(), threshold, name, Timestamp.from(now), by)
			.query(Long.class).single();
	}

	private static final String RULE = """
			select id, region_id, metric_key, pickup_point_id, period_kind, kind, threshold, name, enabled, created_at
			  from analytics.alert_rule""";

	Optional<AlertRule> rule(long id) {
		return jdbc.sql(RULE + " where id = ?").param(id).query(AlertStore::rule).optional();
	}

	List<AlertRule> rules(long region) {
		return jdbc.sql(RULE + " where region_id = ? order by id desc").param(region).query(AlertStore::rule).list();
	}

	List<AlertRule> enabledRules() {
		return jdbc.sql(RULE + " where enabled order by id").query(AlertStore::rule).list();
	}

	boolean setEnabled(long id, boolean enabled) {
		return jdbc.sql("update analytics.alert_rule set enabled = ? where id = ? and enabled <> ?")
			.params(enabled, id, enabled).update() == 1;
	}

	/** Records the rule's alert of the period, unless it fired for that period already: the new id, or empty. */
	Optional<Long> insertAlert(AlertRule rule, LocalDate periodStart, double value, Double previous, Instant now) {
		return jdbc.sql("""
				insert into analytics.alert (rule_id, region_id, period_kind, period_start, value, previous_value, raised_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (rule_id, period_start) do nothing returning id""")
			.params(rule.id(), rule.regionId(), rule.periodKind().name(), periodStart, value, previous,
					Timestamp.from(now))
			.query(Long.class).optional();
	}

	private static final String ALERT = """
			select a.id, a.rule_id, r.name, r.metric_key, r.pickup_point_id, a.region_id, a.period_kind, a.period_start,
			       a.value, a.previous_value, r.kind, r.threshold, a.raised_at, a.acknowledged_at, a.acknowledged_by
			  from analytics.alert a join analytics.alert_rule r on r.id = a.rule_id""";

	Optional<Alert> alert(long id) {
		return jdbc.sql(ALERT + " where a.id = ?").param(id).query(AlertStore::alert).optional();
	}

	List<Alert> alerts(long region, boolean unacknowledgedOnly, int limit) {
		return jdbc.sql(ALERT + " where a.region_id = ? and (not ? or a.acknowledged_at is null) order by a.id desc limit ?")
			.params(region, unacknowledgedOnly, limit).query(AlertStore::alert).list();
	}

	List<Alert> alertsOfRule(long ruleId) {
		return jdbc.sql(ALERT + " where a.rule_id = ? order by a.period_start").param(ruleId).query(AlertStore::alert).list();
	}

	boolean acknowledge(long id, long by, Instant now) {
		return jdbc.sql("""
				update analytics.alert set acknowledged_at = ?, acknowledged_by = ?
				 where id = ? and acknowledged_at is null""").params(Timestamp.from(now), by, id).update() == 1;
	}

	private static AlertRule rule(ResultSet rs, int n) throws SQLException {
		return new AlertRule(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4),
				PeriodKind.valueOf(rs.getString(5)), AlertCondition.valueOf(rs.getString(6)), rs.getDouble(7),
				rs.getString(8), rs.getBoolean(9), rs.getTimestamp(10).toInstant());
	}

	private static Alert alert(ResultSet rs, int n) throws SQLException {
		Timestamp ack = rs.getTimestamp(14);
		return new Alert(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5),
				rs.getLong(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getDouble(9),
				rs.getObject(10) == null ? null : rs.getDouble(10), AlertCondition.valueOf(rs.getString(11)),
				rs.getDouble(12), rs.getTimestamp(13).toInstant(), ack == null ? null : ack.toInstant(),
				(Long) rs.getObject(15));
	}
}
