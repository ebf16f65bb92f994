package com.linli.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.analytics.internal.alerts.MetricAlertManagement;
import com.linli.analytics.internal.alerts.PointOrdersMetric;
import com.linli.analytics.internal.metrics.Period;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.PickupPoint;
import com.linli.network.Region;
import com.linli.notification.MessageKind;
import com.linli.notification.MessageManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A pickup point's orders fall 30% week on week": two weeks of orders at two points of a region, one falling 40%
 * (10 → 6), the other 20% (10 → 8). The rule fires for the first and not for the second; evaluating again raises
 * nothing more; the alert reaches the region's operator's message centre and the outbound channel; the operator
 * acknowledges it once; an operator of another region reaches none of it.
 */
@IntegrationTest
class AlertIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	MetricAlertManagement alerts;

	@Autowired
	MessageManagement messages;

	@Test
	void aRuleFiresOnADropBeyondItsThresholdAndNotOtherwise() {
		var fixtures = new MarketingFixtures(context);
		Region region = fixtures.region();
		Region other = fixtures.region();
		PickupPoint falling = fixtures.pickupPoint(region, "预警" + MarketingFixtures.next() + "苑", 30.28, 120.13);
		PickupPoint steady = fixtures.pickupPoint(region, "平稳" + MarketingFixtures.next() + "苑", 30.29, 120.14);
		PickupPoint elsewhere = fixtures.pickupPoint(other, "外区" + MarketingFixtures.next() + "苑", 30.30, 120.15);
		Api admin = Api.at(port).asAdmin();
		Api operator = MarketingFixtures.operatorOf(admin, region);
		long operatorId = operator.get("/api/me").id();
		LocalDate today = LocalDate.now(clock.withZone(region.zone()));
		Period lastWeek = Period.containing(PeriodKind.WEEK, today).previous();
		Period weekBefore = lastWeek.previous();
		var rows = new OrderRows(jdbc);
		long r = region.id().value();
		long resident = 900_000_000L + MarketingFixtures.next();
		for (int i = 0; i < 10; i++) {
			rows.pickedUp(r, falling.id().value(), resident, weekBefore.start().plusDays(i % 7), 1_000);
			rows.pickedUp(r, steady.id().value(), resident, weekBefore.start().plusDays(i % 7), 1_000);
		}
		for (int i = 0; i < 6; i++) {
			rows.pickedUp(r, falling.id().value(), resident, lastWeek.start().plusDays(i % 7), 1_000);
		}
		for (int i = 0; i < 8; i++) {
			rows.pickedUp(r, steady.id().value(), resident, lastWeek.start().plusDays(i % 7), 1_000);
		}
		// a cancelled order does not count
		rows.cancelled(r, falling.id().value(), resident, lastWeek.start(), 1_000);

		var fallingRule = operator.post("/api/analytics/alert-rules", rule(r, falling.id().value(), "自提点订单下降"));
		assertThat(fallingRule.status()).as(fallingRule.toString()).isEqualTo(200);
		var steadyRule = operator.post("/api/analytics/alert-rules", rule(r, steady.id().value(), "平稳点订单下降"));
		assertThat(steadyRule.status()).as(steadyRule.toString()).isEqualTo(200);
		var foreignPoint = operator.post("/api/analytics/alert-rules", rule(r, elsewhere.id().value(), "外区点"));
		assertThat(foreignPoint.status()).isEqualTo(400);
		assertThat(foreignPoint.errorFields()).contains("pickupPointId");
		var unknownMetric = operator.post("/api/analytics/alert-rules", Map.of("regionId", r, "metricKey", "no.such",
				"periodKind", "WEEK", "condition", "BELOW", "threshold", 1, "name", "无此指标"));
		assertThat(unknownMetric.status()).isEqualTo(400);

		alerts.evaluate(today);
		alerts.evaluate(today);

		var fired = alerts.alertsOf(Actor.system("test"), fallingRule.id());
		assertThat(fired).hasSize(1);
		assertThat(fired.get(0).periodStart()).isEqualTo(lastWeek.start());
		assertThat(fired.get(0).value()).isEqualTo(6.0);
		assertThat(fired.get(0).previousValue()).isEqualTo(10.0);
		assertThat(alerts.alertsOf(Actor.system("test"), steadyRule.id())).isEmpty();

		var history = operator.get("/api/analytics/alerts?regionId=" + r);
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.json().size()).isEqualTo(1);
		long alertId = history.json().get(0).get("id").asLong();

		// the region's operator hears of it in the app, and it went out through the outbound channel
		var deadline = Deadline.inMillis(20_000);
		while (!deadline.passed() && alertMessages(operatorId) == 0) {
			sleep();
		}
		assertThat(alertMessages(operatorId)).isEqualTo(1);
		deadline = Deadline.inMillis(10_000);
		while (!deadline.passed() && outbound(operatorId) == 0) {
			sleep();
		}
		assertThat(outbound(operatorId)).isPositive();

		// an operator of another region reaches none of it
		Api stranger = MarketingFixtures.operatorOf(admin, other);
		assertThat(stranger.get("/api/analytics/alerts?regionId=" + r).status()).isEqualTo(403);
		assertThat(stranger.get("/api/analytics/alert-rules?regionId=" + r).status()).isEqualTo(403);
		assertThat(stranger.post("/api/analytics/alerts/" + alertId + "/ack", Map.of()).status()).isEqualTo(404);
		assertThat(stranger.post("/api/analytics/alert-rules/" + fallingRule.id() + "/disable", Map.of()).status())
			.isEqualTo(404);
		assertThat(stranger.post("/api/analytics/alert-rules", rule(r, falling.id().value(), "外区规则")).status())
			.isEqualTo(403);
		assertThat(alertMessages(stranger.get("/api/me").id())).isZero();

		var ack = operator.post("/api/analytics/alerts/" + alertId + "/ack", Map.of());
		assertThat(ack.status()).as(ack.toString()).isEqualTo(200);
		assertThat(ack.json().get("acknowledgedBy").asLong()).isEqualTo(operatorId);
		assertThat(operator.post("/api/analytics/alerts/" + alertId + "/ack", Map.of()).status()).isEqualTo(409);

		var disabled = operator.post("/api/analytics/alert-rules/" + steadyRule.id() + "/disable", Map.of());
		assertThat(disabled.status()).isEqualTo(200);
		assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
	}

	static Map<String, Object> rule(long region, long point, String name) {
		return Map.of("regionId", region, "metricKey", PointOrdersMetric.KEY, "pickupPointId", point, "periodKind",
				"WEEK", "condition", "FALLS_BY", "threshold", 30, "name", name + MarketingFixtures.next());
	}

	private long alertMessages(long account) {
		return messages.inbox(new AccountId(account), null, false, 0, 100).items().stream()
			.filter(m -> m.kind() == MessageKind.ANALYTICS_ALERT).count();
	}

	private long outbound(long account) {
		return jdbc.sql("""
				select count(*) from notification.delivery d join notification.message m on m.id = d.message_id
				 where m.recipient_id = ? and m.kind = 'ANALYTICS_ALERT'""").param(account).query(Long.class).single();
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
