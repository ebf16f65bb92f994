package com.linli.demo.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.demo.CityGenerator;
import com.linli.demo.LoadedCity;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sharing demo on a small city: a basic path of four courses and an elective, its leaders at different
 * progress, the gate on, and a new leader whose pickup point refuses orders until they pass the path.
 */
@IntegrationTest
class SharingDemoIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	SharingDemo demo;

	@Test
	void seedsAPathLeadersAtDifferentProgressAndANewLeaderWaitingForTraining() {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		pickups.leader(world.pickupPoint);
		var second = world.anotherPickupPoint();
		pickups.leader(second);
		var free = world.anotherPickupPoint();
		String phone = Api.newPhone();
		demo.seed(new LoadedCity(List.of(world.region.id()), world.pickupPoint.id(), 3, 0, 0, 0, world.pickupDate,
				Duration.ZERO), phone);

		var admin = Api.at(port).asAdmin();
		long region = world.region.id().value();
		var courses = admin.get("/api/admin/leaders/training/courses?regionId=" + region).json();
		assertThat(courses).hasSize(5);
		assertThat(admin.get("/api/admin/leaders/training/gate?regionId=" + region).json().get("enabled").asBoolean()).isTrue();
		var progress = admin.get("/api/admin/leaders/training/progress?regionId=" + region).json();
		assertThat(progress).hasSize(3);
		var passed = new java.util.HashSet<Integer>();
		progress.forEach(row -> passed.add(row.get("passed").asInt()));
		assertThat(passed).hasSizeGreaterThan(1);

		var newcomer = Api.at(port).as(phone, CityGenerator.DEMO_PASSWORD);
		var mine = newcomer.get("/api/leader/training").json();
		assertThat(mine.get("pickupPointWaitsForTraining").asBoolean()).isTrue();
		var listing = world.listing("演示鸡蛋" + port, "9.90", 100, 10);
		var resident = world.resident(free);
		var refused = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(),
				"quantity", 1))), Map.of("Idempotency-Key", "k-" + System.nanoTime()));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);

		// seeding again adds nothing
		demo.seed(new LoadedCity(List.of(world.region.id()), world.pickupPoint.id(), 3, 0, 0, 0, world.pickupDate,
				Duration.ZERO), Api.newPhone());
		assertThat(admin.get("/api/admin/leaders/training/courses?regionId=" + region).json()).hasSize(5);
	}
}
