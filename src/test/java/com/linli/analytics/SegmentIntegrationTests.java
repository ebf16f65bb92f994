package com.linli.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.analytics.internal.rfm.RfmRun;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.CouponManagement;
import com.linli.marketing.CouponTemplate;
import com.linli.marketing.CouponTemplateManagement;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.NewCouponTemplate;
import com.linli.network.PickupPoint;
import com.linli.network.Region;
import com.linli.notification.Message;
import com.linli.notification.MessageKind;
import com.linli.notification.MessageManagement;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region's history of ten buyers (RfmScoringTests' figures, in yuan), the nightly RFM run, the segments through
 * HTTP, and pushes: a coupon reaches exactly the champions and a message exactly the residents at risk, nobody else
 * (a resident with only a cancelled order, a resident of another region); a repeated client key pushes nothing new;
 * an operator of another region is refused everything.
 */
@IntegrationTest
class SegmentIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	RfmRun rfm;

	@Autowired
	CouponTemplateManagement templates;

	@Autowired
	CouponManagement coupons;

	@Autowired
	MessageManagement messages;

	/** days ago of each order, per buyer (as RfmScoringTests' ten), 100 fen per yuan there. */
	static final int[][] DAYS = { { 1, 10, 20, 40, 60, 90 }, { 2, 30, 50, 70, 100 }, { 3, 45, 80, 120 }, { 5 },
			{ 200, 220, 240, 260 }, { 150, 300 }, { 400 }, { 4, 100 }, { 500, 600 }, { 250, 280, 310 } };

	static final long[] FEN_PER_ORDER = { 10_000, 8_000, 5_000, 3_000, 6_000, 4_000, 5_000, 2_000, 5_000, 7_000 };

	static final String[] SEGMENTS = { "CHAMPIONS", "CHAMPIONS", "LOYAL", "NEW", "AT_RISK", "POTENTIAL", "LOST",
			"POTENTIAL", "LOST", "AT_RISK" };

	@Test
	void aPushReachesExactlyTheSegmentsResidents() {
		var fixtures = new MarketingFixtures(context);
		Region region = fixtures.region();
		Region other = fixtures.region();
		PickupPoint point = fixtures.pickupPoint(region, "分层" + MarketingFixtures.next() + "苑", 30.28, 120.13);
		Api admin = Api.at(port).asAdmin();
		LocalDate today = LocalDate.now(clock.withZone(region.zone()));
		var rows = new OrderRows(jdbc);
		List<Long> buyers = new ArrayList<>();
		for (int i = 0; i < DAYS.length; i++) {
			long resident = admin.newResident().get("/api/me").id();
			buyers.add(resident);
			for (int d : DAYS[i]) {
				rows.pickedUp(region.id().value(), point.id().value(), resident, today.minusDays(d), FEN_PER_ORDER[i]);
			}
		}
		long onlyCancelled = admin.newResident().get("/api/me").id();
		rows.cancelled(region.id().value(), point.id().value(), onlyCancelled, today.minusDays(1), 9_900);
		long elsewhere = admin.newResident().get("/api/me").id();
		rows.pickedUp(other.id().value(), point.id().value() + 1_000_000, elsewhere, today.minusDays(1), 99_900);

		assertThat(rfm.run(region.id(), today)).isEqualTo(10);
		assertThat(rfm.run(region.id(), today)).as("a rerun the same day replaces").isEqualTo(10);

		String operatorPhone = Api.newPhone();
		var created = admin.post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName", "分层运营",
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds",
				new long[] { region.id().value() }));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Api operator = Api.at(port).as(operatorPhone, "secret123");
		var overview = operator.get("/api/analytics/segments?regionId=" + region.id().value());
		assertThat(overview.status()).as(overview.toString()).isEqualTo(200);
		Map<String, long[]> sizes = new HashMap<>();
		overview.json().get("segments").forEach(s -> sizes.put(s.get("segment").asText(),
				new long[] { s.get("residents").asLong(), s.get("monetaryFen").asLong(), s.get("trend").size() }));
		assertThat(sizes.get("CHAMPIONS")).containsExactly(2, 6 * 10_000 + 5 * 8_000, 1);
		assertThat(sizes.get("AT_RISK")[0]).isEqualTo(2);
		assertThat(sizes.get("AT_RISK")[1]).isEqualTo(4 * 6_000 + 3 * 7_000);
		assertThat(sizes.get("LOST")).containsExactly(2, 0, 1);
		assertThat(sizes.get("HIBERNATING")).containsExactly(0, 0, 1);
		assertThat(overview.json().get("day").asText()).isEqualTo(today.toString());

		Map<Long, String> expected = new LinkedHashMap<>();
		for (int i = 0; i < buyers.size(); i++) {
			expected.put(buyers.get(i), SEGMENTS[i]);
		}
		for (String segment : Set.copyOf(expected.values())) {
			var listed = operator.get("/api/analytics/segments/" + segment.toLowerCase().replace('_', '-')
					+ "/residents?regionId=" + region.id().value());
			assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
			List<Long> ids = new ArrayList<>();
			listed.json().forEach(m -> ids.add(m.get("residentId").asLong()));
			assertThat(ids).as(segment).containsExactlyInAnyOrderElementsOf(
					expected.entrySet().stream().filter(e -> e.getValue().equals(segment)).map(Map.Entry::getKey).toList());
		}

		// a coupon to the champions
		CouponTemplate template = templates.create(Actor.system("test"), new NewCouponTemplate("分层券" + MarketingFixtures.next(),
				CouponTemplate.Kind.FIXED, Money.ofFen(500), null, null, null, CouponTemplate.Scope.ALL, Set.of(),
				Set.of(region.id().value()), 7, null, null, 1, 100, false, false, false));
		var push = operator.post("/api/analytics/segments/champions/push", Map.of("regionId", region.id().value(),
				"kind", "COUPON", "couponTemplateId", template.id(), "clientKey", "champions-coupon-1"));
		assertThat(push.status()).as(push.toString()).isEqualTo(200);
		assertThat(push.json().get("residents").asInt()).isEqualTo(2);
		assertThat(push.json().get("repeated").asBoolean()).isFalse();
		var again = operator.post("/api/analytics/segments/champions/push", Map.of("regionId", region.id().value(),
				"kind", "COUPON", "couponTemplateId", template.id(), "clientKey", "champions-coupon-1"));
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().get("id").asLong()).isEqualTo(push.json().get("id").asLong());
		assertThat(again.json().get("repeated").asBoolean()).isTrue();

		List<Long> everyone = new ArrayList<>(buyers);
		everyone.add(onlyCancelled);
		everyone.add(elsewhere);
		for (long resident : everyone) {
			long held = coupons.mine(Actor.resident(new AccountId(resident)), null).stream()
				.filter(c -> c.template().id() == template.id()).count();
			assertThat(held).as("coupons of resident " + resident + " (" + expected.get(resident) + ")")
				.isEqualTo("CHAMPIONS".equals(expected.get(resident)) ? 1 : 0);
		}

		// a message to the residents at risk
		String text = "好久不见，本周有新鲜草莓" + MarketingFixtures.next();
		var message = operator.post("/api/analytics/segments/AT_RISK/push", Map.of("regionId", region.id().value(),
				"kind", "MESSAGE", "text", text, "clientKey", "at-risk-message-1"));
		assertThat(message.status()).as(message.toString()).isEqualTo(200);
		assertThat(message.json().get("residents").asInt()).isEqualTo(2);
		var deadline = Deadline.inMillis(20_000);
		while (!deadline.passed() && received(buyers.get(4), text) + received(buyers.get(9), text) < 2) {
			sleep();
		}
		for (long resident : everyone) {
			assertThat(received(resident, text)).as("messages of resident " + resident + " (" + expected.get(resident) + ")")
				.isEqualTo("AT_RISK".equals(expected.get(resident)) ? 1 : 0);
		}

		// an operator of another region reaches none of it
		Api stranger = MarketingFixtures.operatorOf(admin, other);
		long r = region.id().value();
		assertThat(stranger.get("/api/analytics/segments?regionId=" + r).status()).isEqualTo(403);
		assertThat(stranger.get("/api/analytics/segments/champions/residents?regionId=" + r).status()).isEqualTo(403);
		assertThat(stranger.get("/api/analytics/segments/pushes?regionId=" + r).status()).isEqualTo(403);
		assertThat(stranger.get("/api/analytics/cohorts?regionId=" + r).status()).isEqualTo(403);
		assertThat(stranger.post("/api/analytics/segments/champions/push", Map.of("regionId", r, "kind", "MESSAGE",
				"text", "外区", "clientKey", "stranger-1")).status()).isEqualTo(403);
		assertThat(operator.get("/api/analytics/segments/pushes?regionId=" + r).json().size()).isEqualTo(2);

		// the console pages show the segments, the residents' export, the triangle and the alerts
		var session = com.linli.ordering.WebSession.signIn(port, operatorPhone, "secret123");
		var page = session.get("/console/analytics/segments?regionId=" + r + "&segment=AT_RISK");
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("segment-trend").contains("rfm-residents");
		var csv = session.get("/console/analytics/segments/at-risk.csv?regionId=" + r);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body().lines().count()).isEqualTo(3); // header and the two residents at risk
		assertThat(session.get("/console/analytics/cohorts?regionId=" + r).status()).isEqualTo(200);
		assertThat(session.get("/console/analytics/alerts?regionId=" + r).status()).isEqualTo(200);

		// the cohort triangle through HTTP: every buyer's first week is a cohort
		var cohorts = operator.get("/api/analytics/cohorts?regionId=" + r + "&weeks=26");
		assertThat(cohorts.status()).as(cohorts.toString()).isEqualTo(200);
		int residents = 0;
		for (var c : cohorts.json().get("cohorts")) {
			residents += c.get("residents").asInt();
		}
		// first orders within the last 26 weeks: the buyers first seen 90, 100, 100, 120 and 5 days ago
		assertThat(residents).isEqualTo(5);
	}

	private long received(long resident, String text) {
		return messages.inbox(new AccountId(resident), null, false, 0, 100).items().stream()
			.filter(m -> m.kind() == MessageKind.SEGMENT_MESSAGE && m.body().contains(text)).count();
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
