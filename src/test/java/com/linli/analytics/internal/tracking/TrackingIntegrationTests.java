package com.linli.analytics.internal.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.analytics.TrackingHistory;
import com.linli.network.NetworkFixtures;
import com.linli.ordering.OrderingFixtures;
import com.linli.shared.TrackedEvent;
import com.linli.shared.TrackedEvent.Client;
import com.linli.shared.TrackedEvent.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Storefront events recorded through real HTTP requests land in the day-partitioned table; the funnel and the
 * community comparison over them match hand-computed figures; old partitions go, newer ones stay; recording
 * 10,000 events costs the request thread only the enqueueing.
 */
@IntegrationTest
class TrackingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	TrackingRecorder recorder;

	@Autowired
	TrackingRetention retention;

	@Autowired
	TrackingPartitions partitions;

	@Autowired
	TrackingHistory history;

	@Test
	void storefrontEventsLandInTheTableAndMakeTheFunnelAndTheComparison() {
		var world = new OrderingFixtures(context, port);
		var apples = world.listing("埋点苹果", "10.00", 100, 5);
		var pears = world.listing("埋点梨", "6.00", 100, 5);
		long region = world.region.id().value();
		long point = world.pickupPoint.id().value();
		Api a = world.resident();
		Api b = world.resident();
		Api c = world.resident();

		// a: views the storefront, searches, views apples, adds them, checks out and pays
		assertThat(a.get("/api/storefront/listings?pickupPointId=" + point).status()).isEqualTo(200);
		assertThat(a.get("/api/storefront/search?pickupPointId=" + point + "&q=埋点").status()).isEqualTo(200);
		assertThat(a.get("/api/storefront/listings/" + apples.id().value()).status()).isEqualTo(200);
		assertThat(a.post("/api/cart/items", Map.of("listingId", apples.id().value(), "quantity", 2)).status())
			.isEqualTo(200);
		var order = a.post("/api/cart/checkout", Map.of(), Map.of("Idempotency-Key", "track-" + System.nanoTime()));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		assertThat(OrderingFixtures.pay(a, order.json().get("payment").asText()).status()).isEqualTo(200);
		OrderingFixtures.awaitStatus(a, order.json().get("id").asLong(), "PAID");
		// b: views apples and adds them, no checkout
		assertThat(b.get("/api/storefront/listings/" + apples.id().value()).status()).isEqualTo(200);
		assertThat(b.post("/api/cart/items", Map.of("listingId", apples.id().value(), "quantity", 1)).status())
			.isEqualTo(200);
		// c: only the storefront, then a look at pears
		assertThat(c.get("/api/storefront/listings?pickupPointId=" + point).status()).isEqualTo(200);
		assertThat(c.get("/api/storefront/listings/" + pears.id().value()).status()).isEqualTo(200);
		// anonymous browsing counts no resident
		assertThat(Api.at(port).anonymous().get("/api/storefront/listings?pickupPointId=" + point).status())
			.isEqualTo(200);

		long residentA = a.get("/api/me").json().get("id").asLong();
		awaitRows("region_id = " + region + " and kind = 6", 1);
		assertThat(recorder.flush(10_000)).isTrue();
		var kindsOfA = jdbc.sql("select kind from analytics.tracking_event where resident_id = ? order by kind")
			.param(residentA).query(Integer.class).list();
		assertThat(kindsOfA).containsExactly(1, 2, 3, 4, 5, 6);
		var search = jdbc.sql("select query, results, client, pickup_point_id, region_id from analytics.tracking_event "
				+ "where resident_id = ? and kind = 2").param(residentA)
			.query((rs, n) -> List.of(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)))
			.single();
		assertThat(search).containsExactly("埋点", 2, 2, point, region);
		var cart = jdbc.sql("select sku_id, category_id, pickup_point_id from analytics.tracking_event "
				+ "where resident_id = ? and kind = 4").param(residentA)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
		long category = context.getBean(com.linli.catalog.SkuManagement.class).getSku(apples.skuId()).categoryId().value();
		assertThat(cart).as("the writer filled in the SKU, its category and the resident's pickup point")
			.containsExactly(apples.skuId().value(), category, point);
		assertThat(jdbc.sql("select count(*) from analytics.tracking_event where region_id = ? and resident_id is null")
			.param(region).query(Long.class).single()).isEqualTo(1);

		var admin = Api.at(port).asAdmin();
		LocalDate today = LocalDate.now(clock);
		String period = "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
		// view a, b, c = 3; cart a, b = 2; checkout a = 1; pay a = 1: conversions 2/3, 1/2, 1/1
		var all = admin.get("/api/analytics/funnels?regionId=" + region + period).json();
		assertThat(residents(all)).containsExactly(3L, 2L, 1L, 1L);
		assertThat(all.get("steps").get(1).get("conversion").asDouble()).isEqualTo(2.0 / 3);
		assertThat(all.get("largestDrop").asText()).isEqualTo("checkout");
		assertThat(all.get("overall").asDouble()).isEqualTo(1.0 / 3);
		// apples only: views a, b (product views; c's page view names no SKU) = 2; cart 2; checkout 1; pay 1
		var ofApples = admin.get("/api/analytics/funnels?regionId=" + region + period + "&skuId=" + apples.skuId().value())
			.json();
		assertThat(residents(ofApples)).containsExactly(2L, 2L, 1L, 1L);
		assertThat(ofApples.get("largestDrop").asText()).isEqualTo("checkout");
		var ofPears = admin.get("/api/analytics/funnels?regionId=" + region + period + "&skuId=" + pears.skuId().value())
			.json();
		assertThat(residents(ofPears)).containsExactly(1L, 0L, 0L, 0L);
		var otherPoint = world.anotherPickupPoint();
		var elsewhere = admin.get("/api/analytics/funnels?regionId=" + region + period + "&pickupPointId="
				+ otherPoint.id().value()).json();
		assertThat(residents(elsewhere)).containsExactly(0L, 0L, 0L, 0L);
		assertThat(elsewhere.path("largestDrop").isMissingNode() || elsewhere.path("largestDrop").isNull()).isTrue();
		assertThat(admin.get("/api/analytics/funnels?regionId=" + region + "&from=" + today + "&to=" + today.minusDays(1))
			.errorFields()).containsExactly("to");

		// another region's operator sees nothing of it
		var stranger = strangerOperator(admin);
		assertThat(stranger.get("/api/analytics/funnels?regionId=" + region + period).status()).isEqualTo(403);
		assertThat(stranger.get("/api/analytics/communities?regionId=" + region + period).status()).isEqualTo(403);
		assertThat(stranger.put("/api/analytics/communities/" + world.pickupPoint.communityId().value() + "/profile",
				Map.of("youngPercent", 20, "middlePercent", 60, "seniorPercent", 20)).status()).isEqualTo(403);

		// community comparison: a's order of 2 × 10.00 at the first point (800 households), none at the second
		var bad = admin.put("/api/analytics/communities/" + world.pickupPoint.communityId().value() + "/profile",
				Map.of("youngPercent", 20, "middlePercent", 60, "seniorPercent", 30));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactly("seniorPercent");
		var profile = admin.put("/api/analytics/communities/" + world.pickupPoint.communityId().value() + "/profile",
				Map.of("youngPercent", 20, "middlePercent", 60, "seniorPercent", 20));
		assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
		assertThat(profile.json().get("type").asText()).isEqualTo("FAMILY");
		var rows = admin.get("/api/analytics/communities?regionId=" + region + "&from=" + world.pickupDate + "&to="
				+ world.pickupDate).json();
		assertThat(rows).hasSize(2);
		var first = rows.get(0);
		assertThat(first.get("pickupPointId").asLong()).isEqualTo(point);
		assertThat(first.get("type").asText()).isEqualTo("FAMILY");
		assertThat(first.get("residents").asLong()).isEqualTo(1);
		assertThat(first.get("orders").asLong()).isEqualTo(1);
		assertThat(first.get("paidFen").asLong()).isEqualTo(2000);
		assertThat(first.get("penetration").asDouble()).isEqualTo(1.0 / 800);
		assertThat(first.get("averageOrderFen").asLong()).isEqualTo(2000);
		assertThat(first.get("frequency").asDouble()).isEqualTo(1.0);
		assertThat(first.path("growth").isMissingNode() || first.path("growth").isNull()).as("nothing the period before").isTrue();
		assertThat(first.get("categoryMix").get(0).get("share").asDouble()).isEqualTo(1.0);
		assertThat(rows.get(1).get("residents").asLong()).isZero();
		assertThat(rows.get(1).get("penetration").asDouble()).isZero();

		// the pages and the export, for an operator of the region
		String phone = Api.newPhone();
		assertThat(admin.post("/api/admin/accounts", Map.of("phone", phone, "displayName", "本区运营", "password",
				"secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { region })).status())
			.isEqualTo(201);
		var session = com.linli.ordering.WebSession.signIn(port, phone, "secret123");
		var funnelPage = session.get("/console/analytics/funnels?regionId=" + region + period);
		assertThat(funnelPage.status()).isEqualTo(200);
		assertThat(funnelPage.body()).contains("funnel-chart", "largest-drop");
		var communityPage = session.get("/console/analytics/communities?regionId=" + region + "&from="
				+ world.pickupDate + "&to=" + world.pickupDate);
		assertThat(communityPage.status()).isEqualTo(200);
		assertThat(communityPage.body()).contains("community-scatter", world.pickupPoint.name());
		assertThat(session.get("/console/analytics/products?regionId=" + region).status()).isEqualTo(200);
		var sheet = session.get("/console/analytics/communities.xlsx?regionId=" + region + "&from=" + world.pickupDate
				+ "&to=" + world.pickupDate);
		assertThat(sheet.status()).isEqualTo(200);
		assertThat(sheet.body()).startsWith("PK");
	}

	@Test
	void aDayPartitionOlderThanTheRetentionIsDroppedANewerOneKept() {
		LocalDate today = LocalDate.now(clock);
		LocalDate old = today.minusDays(200);
		LocalDate recent = today.minusDays(10);
		history.write(List.of(event(old), event(recent)));
		assertThat(partitions.days()).contains(old, recent);

		var dropped = retention.run();

		assertThat(dropped).contains(old);
		assertThat(partitions.days()).doesNotContain(old).contains(recent, today, today.plusDays(7));
		assertThat(jdbc.sql("select count(*) from analytics.tracking_event where day = ?").param(recent)
			.query(Long.class).single()).isPositive();
		assertThat(retention.firstKept(today)).isEqualTo(today.minusDays(179));
	}

	@Test
	void tenThousandEventsCostTheRequestThreadOnlyTheEnqueueing() {
		long writtenBefore = recorder.written();
		long droppedBefore = recorder.dropped();
		String marker = "load" + NetworkFixtures.unique();
		Instant at = clock.instant();
		long started = System.nanoTime();
		for (int i = 0; i < 10_000; i++) {
			recorder.record(TrackedEvent.of(Kind.SEARCH, at, null, Client.API).search(marker, i));
		}
		long enqueueMillis = (System.nanoTime() - started) / 1_000_000;
		// the caller never waits for the database: 10,000 offers to the queue take a few milliseconds
		assertThat(enqueueMillis).as("ms to record 10,000 events on the request thread").isLessThan(500);

		assertThat(recorder.flush(30_000)).isTrue();
		assertThat(recorder.dropped()).isEqualTo(droppedBefore);
		assertThat(recorder.written() - writtenBefore).isGreaterThanOrEqualTo(10_000);
		assertThat(jdbc.sql("select count(*) from analytics.tracking_event where query = ?").param(marker)
			.query(Long.class).single()).isEqualTo(10_000);
	}

	private static TrackedEvent event(LocalDate day) {
		return TrackedEvent.of(Kind.PAGE_VIEW, day.atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant(),
				null, Client.H5);
	}

	private Api strangerOperator(Api admin) {
		long otherRegion = new NetworkFixtures(admin).region();
		String phone = Api.newPhone();
		var created = admin.post("/api/admin/accounts", Map.of("phone", phone, "displayName", "外区运营", "password",
				"secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { otherRegion }));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return Api.at(port).as(phone, "secret123");
	}

	private static List<Long> residents(JsonNode funnel) {
		var counts = new ArrayList<Long>();
		funnel.get("steps").forEach(s -> counts.add(s.get("residents").asLong()));
		return counts;
	}

	private void awaitRows(String where, long atLeast) {
		var deadline = Deadline.inMillis(20_000);
		while (jdbc.sql("select count(*) from analytics.tracking_event where " + where).query(Long.class).single() < atLeast) {
			assertThat(deadline.passed()).as("events where " + where).isFalse();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}
}
