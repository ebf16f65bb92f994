package com.linli.logistics.driving;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.linli.Multipart;
import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.fulfilment.DeliveryHandoverManagement;
import com.linli.network.PickupPointId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A morning driven through HTTP: after a completed cutoff with paid orders at three pickup points of a grid
 * warehouse and a stored plan, the driver departs (the warehouse's orders SHIPPED), arrives and hands over each stop
 * (each leader's receipt works as before: orders READY_FOR_PICKUP, residents pick up), the route is COMPLETED; the
 * tracking board's estimates are checked by hand; the late stop alerts its leader once; and every bad input is
 * refused with its cause and changes nothing, a concurrent double hand-over included.
 */
@IntegrationTest
class DrivingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeliveryHandoverManagement handovers;

	@Test
	void aDriverRunsTheMorningAndTheLeadersReceiveAsBefore() throws Exception {
		var f = new DrivingFixtures(context, port);
		List<Long> stops = f.stopIds(context);
		String route = "/api/driver/routes/" + f.routeId;
		String date = f.world.pickupDate.toString();

		// the driver's routes of the morning
		var mine = f.driver.get("/api/driver/routes?date=" + date);
		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		assertThat(mine.json()).hasSize(1);
		assertThat(mine.json().get(0).get("route").get("id").asLong()).isEqualTo(f.routeId);
		assertThat(mine.json().get(0).get("stops")).hasSize(3);
		assertThat(f.otherDriver.get(route).status()).as("another driver's route").isEqualTo(403);

		// bad input before departure changes nothing
		var early = f.driver.post(route + "/stops/" + stops.get(0) + "/arrive", Map.of());
		assertThat(early.status()).as(early.toString()).isEqualTo(409);
		assertThat(early.json().get("code").asText()).isEqualTo("route-not-departed");
		assertThat(f.driver.post(route + "/stops/99999999/arrive", Map.of()).status()).isEqualTo(404);
		var notMyStop = f.driver.post(route + "/stops/" + stops.get(0) + "/arrive", Map.of());
		assertThat(notMyStop.status()).isEqualTo(409);
		assertThat(f.otherDriver.post(route + "/stops/" + stops.get(0) + "/arrive", Map.of()).status())
			.as("a driver confirming a stop of another route").isEqualTo(403);
		assertThat(f.otherDriver.post(route + "/depart", Map.of()).status()).isEqualTo(403);
		var earlyPosition = f.driver.post(route + "/positions", Map.of("latitude", 30.28, "longitude", 120.13));
		assertThat(earlyPosition.status()).isEqualTo(409);
		assertThat(earlyPosition.json().get("code").asText()).isEqualTo("route-not-on-the-way");
		assertThat(orderStatus(f, 0)).isEqualTo("CONFIRMED");

		// before leaving, the board counts the delay from the planned departure
		JsonNode board = board(f);
		assertThat(board.get("route").get("status").asText()).isEqualTo("PLANNED");
		assertThat(board.get("delayMinutes").asLong()).isGreaterThanOrEqualTo(30);

		// departure: the grid warehouse's orders are SHIPPED
		var departed = f.driver.post(route + "/depart", Map.of());
		assertThat(departed.status()).as(departed.toString()).isEqualTo(200);
		assertThat(departed.json().get("status").asText()).isEqualTo("DISPATCHED");
		Instant departedAt = Instant.parse(departed.json().get("departedAt").asText());
		for (int i = 0; i < 3; i++) {
			assertThat(orderStatus(f, i)).isEqualTo("SHIPPED");
		}
		var twice = f.driver.post(route + "/depart", Map.of());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("code").asText()).isEqualTo("route-already-departed");
		// the other route of the same warehouse leaves without a second dispatch
		var other = f.otherDriver.post("/api/driver/routes/" + f.otherRouteId + "/depart", Map.of());
		assertThat(other.status()).as(other.toString()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from fulfilment.dispatch where run_id = ? and grid_warehouse_id = ?")
			.params(f.runId, f.points.get(0).gridWarehouseId().value()).query(Long.class).single()).isEqualTo(1);

		// positions while on the way
		var position = f.driver.post(route + "/positions", Map.of("latitude", 30.285, "longitude", 120.135, "accuracy", 12.5));
		assertThat(position.status()).as(position.toString()).isEqualTo(201);
		var badLatitude = f.driver.post(route + "/positions", Map.of("latitude", 91, "longitude", 120.1));
		assertThat(badLatitude.status()).isEqualTo(400);
		assertThat(badLatitude.errorFields()).containsExactly("latitude");
		var badAccuracy = f.driver.post(route + "/positions", Map.of("latitude", 30, "longitude", 120.1, "accuracy", -1));
		assertThat(badAccuracy.errorFields()).containsExactly("accuracy");

		// the board: delay = departure − planned departure; ETA = planned arrival + delay
		board = board(f);
		Duration delay = Duration.between(f.t0.minus(Duration.ofMinutes(30)), departedAt);
		assertThat(board.get("delayMinutes").asLong()).isEqualTo(delay.toMinutes());
		assertThat(board.get("lastPosition").get("latitude").asDouble()).isEqualTo(30.285);
		assertThat(eta(board, 1)).isEqualTo(f.t0.plus(Duration.ofMinutes(10)).plus(delay));
		assertThat(eta(board, 2)).isEqualTo(f.t0.plus(Duration.ofMinutes(30)).plus(delay));
		assertThat(board.get("stops").get(1).get("willMissWindow").asBoolean()).isFalse();
		assertThat(board.get("stops").get(2).get("willMissWindow").asBoolean()).as("t0+60 > window end t0+40").isTrue();

		// stop 1: arrive, hand over; the ETAs now follow the arrival's delay
		var arrived = f.driver.post(route + "/stops/" + stops.get(0) + "/arrive", Map.of());
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		Instant arrivedAt = Instant.parse(arrived.json().get("arrivedAt").asText());
		board = board(f);
		Duration delay1 = Duration.between(f.t0.minus(Duration.ofMinutes(10)), arrivedAt);
		assertThat(eta(board, 1)).isEqualTo(f.t0.plus(Duration.ofMinutes(10)).plus(delay1));
		assertThat(board.get("stops").get(0).has("eta")).as("no estimate for a stop arrived at").isFalse();
		var handed = f.driver.post(route + "/stops/" + stops.get(0) + "/handover", Map.of());
		assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
		assertThat(handed.json().get("status").asText()).isEqualTo("HANDED_OVER");
		var again = f.driver.post(route + "/stops/" + stops.get(0) + "/handover", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("stop-already-handed-over");
		assertThat(again.json().get("detail").asText()).contains(f.points.get(0).name());
		var handover = handovers.handover(f.points.get(0).id(), f.world.pickupDate).orElseThrow();
		assertThat(handover.driverName()).startsWith("司机老王");
		assertThat(handover.handedOverAt()).isEqualTo(Instant.parse(handed.json().get("handedOverAt").asText()));

		// the leader's receipt works as before
		var receipt = f.leaders.get(0).post("/api/fulfilment/my-point/" + date + "/receipt", Map.of());
		assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
		assertThat(orderStatus(f, 0)).isEqualTo("READY_FOR_PICKUP");
		var picked = f.leaders.get(0).post("/api/leader/pickups",
				Map.of("pickupCode", order(f, 0).get("pickupCode").asText()));
		assertThat(picked.status()).as(picked.toString()).isEqualTo(200);

		// stop 2: a concurrent double hand-over, exactly one wins
		assertThat(f.driver.post(route + "/stops/" + stops.get(1) + "/arrive", Map.of()).status()).isEqualTo(200);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Api.Response>> racing = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			racing.add(pool.submit(() -> {
				go.await();
				return f.driver.post(route + "/stops/" + stops.get(1) + "/handover", Map.of());
			}));
		}
		go.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (var r : racing) {
			statuses.add(r.get().status());
		}
		pool.shutdown();
		assertThat(statuses).as(statuses.toString()).containsOnly(200, 409);
		assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from fulfilment.delivery_handover where pickup_point_id = ?")
			.param(f.points.get(1).id().value()).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from logistics.stop_event where stop_id = ? and kind = 'HANDED_OVER'")
			.param(stops.get(1)).query(Long.class).single()).isEqualTo(1);
		assertThat(f.leaders.get(1).post("/api/fulfilment/my-point/" + date + "/receipt", Map.of()).status())
			.isEqualTo(201);
		assertThat(orderStatus(f, 1)).isEqualTo("READY_FOR_PICKUP");

		// an exception with a photo, and bad ones
		var damaged = Multipart.form(Map.of("kind", "DAMAGED_GOODS", "reason", "一箱鸡蛋压坏", "stopId", stops.get(2)))
			.file("photo", "eggs.png", "image/png", Multipart.PNG).post(port, f.driver, route + "/exceptions");
		assertThat(damaged.status()).as(damaged.toString()).isEqualTo(201);
		long exceptionId = damaged.json().get("id").asLong();
		assertThat(damaged.json().get("hasPhoto").asBoolean()).isTrue();
		var noReason = Multipart.form(Map.of("kind", "LATE", "reason", " ")).post(port, f.driver, route + "/exceptions");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.errorFields()).containsExactly("reason");
		var longReason = Multipart.form(Map.of("kind", "LATE", "reason", "堵".repeat(201))).post(port, f.driver,
				route + "/exceptions");
		assertThat(longReason.errorFields()).containsExactly("reason");
		var badKind = Multipart.form(Map.of("kind", "ALIENS", "reason", "x")).post(port, f.driver, route + "/exceptions");
		assertThat(badKind.errorFields()).containsExactly("kind");
		var notImage = Multipart.form(Map.of("kind", "OTHER", "reason", "x"))
			.file("photo", "a.png", "image/png", "not an image".getBytes()).post(port, f.driver, route + "/exceptions");
		assertThat(notImage.status()).isEqualTo(400);
		assertThat(notImage.errorFields()).containsExactly("photo");
		var gif = Multipart.form(Map.of("kind", "OTHER", "reason", "x"))
			.file("photo", "a.gif", "image/gif", "GIF89a".getBytes()).post(port, f.driver, route + "/exceptions");
		assertThat(gif.errorFields()).containsExactly("photo");
		assertThat(jdbc.sql("select count(*) from logistics.route_exception where route_id = ?").param(f.routeId)
			.query(Long.class).single()).isEqualTo(1);
		var photo = f.operator.get("/api/admin/logistics/tracking/exceptions/" + exceptionId + "/photo",
				Map.of("Accept", "image/png"));
		assertThat(photo.status()).isEqualTo(200);
		assertThat(photo.body()).isEqualTo(Multipart.PNG);

		// skip needs a reason
		var skipNoReason = f.driver.post(route + "/stops/" + stops.get(2) + "/skip", Map.of("reason", ""));
		assertThat(skipNoReason.status()).isEqualTo(400);
		assertThat(skipNoReason.errorFields()).containsExactly("reason");
		// the other driver skips their only stop (nobody there): their route is COMPLETED
		long otherStop = jdbc.sql("select id from logistics.route_stop where route_id = ?").param(f.otherRouteId)
			.query(Long.class).single();
		assertThat(f.driver.post("/api/driver/routes/" + f.otherRouteId + "/stops/" + otherStop + "/skip",
				Map.of("reason", "x")).status()).as("a stop of another driver's route").isEqualTo(403);
		var skipped = f.otherDriver.post("/api/driver/routes/" + f.otherRouteId + "/stops/" + otherStop + "/skip",
				Map.of("reason", "店门未开，联系不上团长"));
		assertThat(skipped.status()).as(skipped.toString()).isEqualTo(200);
		assertThat(skipped.json().get("status").asText()).isEqualTo("SKIPPED");
		assertThat(routeStatus(f.otherRouteId)).isEqualTo("COMPLETED");

		// stop 3: the late alert reached its leader once
		JsonNode late = awaitMessage(f.leaders.get(2), "LEADER_DELIVERY_LATE");
		assertThat(late).as("the leader of stop 3 is told").isNotNull();
		assertThat(late.get("title").asText()).contains(f.points.get(2).name());
		assertThat(f.operator.get("/api/messages").status()).isEqualTo(200);
		assertThat(f.driver.post(route + "/stops/" + stops.get(2) + "/arrive", Map.of()).status()).isEqualTo(200);
		assertThat(f.driver.post(route + "/stops/" + stops.get(2) + "/handover", Map.of()).status()).isEqualTo(200);
		assertThat(routeStatus(f.routeId)).isEqualTo("COMPLETED");
		assertThat(f.driver.post(route + "/positions", Map.of("latitude", 30.2, "longitude", 120.1)).status())
			.as("no position after the route is done").isEqualTo(409);
		assertThat(jdbc.sql("select count(*) from logistics.late_alert where route_id = ?").param(f.routeId)
			.query(Long.class).single()).isEqualTo(1);
		Thread.sleep(300);
		assertThat(countMessages(f.leaders.get(2), "LEADER_DELIVERY_LATE")).as("once").isEqualTo(1);
		assertThat(countMessages(f.leaders.get(0), "LEADER_DELIVERY_LATE")).as("stop 1 was in its window").isZero();
		assertThat(jdbc.sql("select count(*) from logistics.stop_event where route_id = ? and in_order").param(f.routeId)
			.query(Long.class).single()).isEqualTo(6);

		// the board at the end: everything done, the exception listed, the late stop flagged
		board = board(f);
		assertThat(board.get("stopsDone").asInt()).isEqualTo(3);
		assertThat(board.get("route").get("status").asText()).isEqualTo("COMPLETED");
		assertThat(board.get("exceptions")).hasSize(1);
		assertThat(board.get("exceptions").get(0).get("kind").asText()).isEqualTo("DAMAGED_GOODS");
		assertThat(board.get("stops").get(2).get("alerted").asBoolean()).isTrue();
		assertThat(f.driver.get("/api/admin/logistics/tracking?date=" + date).status()).isEqualTo(403);
		assertThat(f.leaders.get(2).post("/api/fulfilment/my-point/" + date + "/receipt", Map.of()).status())
			.isEqualTo(201);
		assertThat(orderStatus(f, 2)).isEqualTo("READY_FOR_PICKUP");
	}

	@Test
	void theDemoMorningRunsTheStoredRoutesAsDriversWould() {
		var f = new DrivingFixtures(context, port);
		var clock = context.getBean(java.time.Clock.class);
		org.junit.jupiter.api.Assumptions.assumeTrue(clock instanceof com.linli.shared.PlatformClock);
		var platform = (com.linli.shared.PlatformClock) clock;
		var timeline = new com.linli.demo.internal.Timeline();
		int routes = context.getBean(com.linli.demo.internal.DeliveryMorningDemo.class)
			.schedule(timeline, f.world.region.id().value(), f.world.pickupDate, Map.of(), 7);
		assertThat(routes).isEqualTo(2);
		try {
			timeline.run(platform, null, at -> { });
		}
		finally {
			platform.reset();
		}
		assertThat(routeStatus(f.routeId)).isEqualTo("COMPLETED");
		assertThat(routeStatus(f.otherRouteId)).isEqualTo("COMPLETED");
		assertThat(jdbc.sql("select count(*) from logistics.route_stop where plan_id = ? and status in ('HANDED_OVER', 'SKIPPED')")
			.param(f.planId).query(Long.class).single()).isEqualTo(4);
		assertThat(jdbc.sql("select count(*) from logistics.route_position where route_id = ?").param(f.routeId)
			.query(Long.class).single()).isEqualTo(6);
		for (int i = 0; i < 3; i++) {
			assertThat(orderStatus(f, i)).isEqualTo("SHIPPED");
		}
		assertThat(f.leaders.get(0).post("/api/fulfilment/my-point/" + f.world.pickupDate + "/receipt", Map.of()).status())
			.as("the leader's receipt follows the demo's hand-over").isEqualTo(201);
	}

	private JsonNode board(DrivingFixtures f) {
		var r = f.operator.get("/api/admin/logistics/tracking?date=" + f.world.pickupDate + "&regionId="
				+ f.world.region.id().value());
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		for (JsonNode route : r.json()) {
			if (route.get("route").get("id").asLong() == f.routeId) {
				return route;
			}
		}
		throw new AssertionError("route not on the board: " + r);
	}

	private static Instant eta(JsonNode board, int stop) {
		return Instant.parse(board.get("stops").get(stop).get("eta").asText());
	}

	private static JsonNode order(DrivingFixtures f, int i) {
		return f.residents.get(i).get("/api/orders/" + f.orders.get(i).get("id").asLong()).json();
	}

	private static String orderStatus(DrivingFixtures f, int i) {
		return order(f, i).get("status").asText();
	}

	private String routeStatus(long routeId) {
		return jdbc.sql("select status from logistics.route where id = ?").param(routeId).query(String.class).single();
	}

	private static JsonNode awaitMessage(Api as, String kind) throws InterruptedException {
		Deadline deadline = Deadline.inMillis(10_000);
		while (!deadline.passed()) {
			for (JsonNode m : as.get("/api/messages").json().get("items")) {
				if (m.get("kind").asText().equals(kind)) {
					return m;
				}
			}
			Thread.sleep(100);
		}
		return null;
	}

	private static long countMessages(Api as, String kind) {
		long n = 0;
		for (JsonNode m : as.get("/api/messages").json().get("items")) {
			if (m.get("kind").asText().equals(kind)) {
				n++;
			}
		}
		return n;
	}
}
