package com.linli.logistics.driving;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.identity.Actor;
import com.linli.logistics.Load;
import com.linli.logistics.RouteStatus;
import com.linli.logistics.internal.RoutePlans;
import com.linli.logistics.internal.RoutePlans.NewRoute;
import com.linli.logistics.internal.RoutePlans.NewStop;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.CommunityManagement;
import com.linli.network.NewCommunity;
import com.linli.network.NewPickupPoint;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.ordering.OrderingFixtures;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A morning to drive, made as the daily loop makes it: a region whose grid warehouse serves three pickup points
 * (and a fourth on another route), residents' paid orders at each, leaders appointed, the cutoff completed through
 * the API, a vehicle, and a stored plan (the planner's work is not needed): route 1 for {@link #driver} through
 * points 1, 2, 3 in order, route 2 for {@link #otherDriver} to point 4. Times are relative to {@link #t0} (now):
 * route 1 should have left 30 minutes ago; stops 1 and 2 have wide windows, stop 3's window ends at t0 + 40 min.
 */
public final class DrivingFixtures {

	public final OrderingFixtures world;

	public final FulfilmentFixtures day;

	public final List<PickupPoint> points = new ArrayList<>();

	public final List<Api> leaders = new ArrayList<>();

	/** The leaders' phones (password leader123), to sign in on their pages. */
	public final List<String> leaderPhones = new ArrayList<>();

	public final List<Api> residents = new ArrayList<>();

	public final List<JsonNode> orders = new ArrayList<>();

	public final Api operator;

	public final Api driver;

	public final long driverId;

	public final String driverPhone;

	public final Api otherDriver;

	public final long runId;

	public final long planId;

	public final long routeId;

	public final long otherRouteId;

	public final Instant t0;

	public DrivingFixtures(ApplicationContext context, int port) {
		world = new OrderingFixtures(context, port);
		day = new FulfilmentFixtures(world, port);
		Clock clock = context.getBean(Clock.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		PickupPoint first = world.pickupPoint;
		points.add(first);
		var communities = context.getBean(CommunityManagement.class);
		var pickupPoints = context.getBean(PickupPointManagement.class);
		Actor system = Actor.system("test");
		for (int i = 1; i <= 3; i++) {
			double lat = first.latitude() + 0.01 * i;
			double lon = first.longitude() + 0.008 * (i % 2 == 0 ? -1 : 1);
			String name = "司机站" + MarketingFixtures.next();
			var community = communities.createCommunity(system, new NewCommunity(world.region.id(), name, "测试区",
					"送货路 " + i + " 号", lat, lon, 600));
			points.add(pickupPoints.openPickupPoint(system, new NewPickupPoint(community.id(), first.gridWarehouseId(),
					name + "便利店", "送货路 " + i + " 号底商", lat, lon, LocalTime.of(8, 0), LocalTime.of(21, 0))));
		}
		Listing apples = world.listing("司机苹果" + MarketingFixtures.next(), "9.90", 100, 5);
		for (int i = 0; i < 3; i++) {
			Api resident = world.resident(points.get(i));
			residents.add(resident);
			orders.add(day.paidOrder(resident, apples, i + 1));
			String phone = Api.newPhone();
			var appointed = Api.at(port).asAdmin().post("/api/leaders", Map.of("phone", phone, "name",
					"团长" + MarketingFixtures.next(), "password", "leader123", "pickupPointId", points.get(i).id().value()));
			if (appointed.status() != 201) {
				throw new IllegalStateException("leader not appointed: " + appointed);
			}
			leaderPhones.add(phone);
			leaders.add(Api.at(port).as(phone, "leader123"));
		}
		operator = day.operator();
		JsonNode run = day.cutoff(operator);
		if (!run.get("status").asText().equals("COMPLETED")) {
			throw new IllegalStateException("cutoff did not complete: " + run);
		}
		runId = run.get("id").asLong();
		driverPhone = Api.newPhone();
		var created = Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", driverPhone, "displayName",
				"司机老王" + driverPhone.substring(9), "password", "secret123", "roles", new String[] { "DRIVER" }));
		if (created.status() != 201) {
			throw new IllegalStateException("driver not created: " + created);
		}
		driver = Api.at(port).as(driverPhone, "secret123");
		driverId = driver.get("/api/me").json().get("id").asLong();
		otherDriver = Api.at(port).newAccount("DRIVER");
		long otherDriverId = otherDriver.get("/api/me").json().get("id").asLong();
		long grid = first.gridWarehouseId().value();
		long vehicle = vehicle(jdbc, grid, driverId);
		long otherVehicle = vehicle(jdbc, grid, otherDriverId);

		t0 = clock.instant();
		RoutePlans plans = context.getBean(RoutePlans.class);
		planId = plans.start(runId, world.region.id().value(), grid, world.pickupDate, 1000, null, t0);
		Instant wideStart = t0.minus(Duration.ofHours(2));
		Instant wideEnd = t0.plus(Duration.ofHours(3));
		List<NewStop> stops = List.of(
				stop(points.get(0), wideStart, wideEnd, t0.minus(Duration.ofMinutes(10)), 1),
				stop(points.get(1), wideStart, wideEnd, t0.plus(Duration.ofMinutes(10)), 1),
				stop(points.get(2), wideStart, t0.plus(Duration.ofMinutes(40)), t0.plus(Duration.ofMinutes(30)), 1));
		NewRoute mine = new NewRoute(1, vehicle, driverId, RouteStatus.PLANNED, t0.minus(Duration.ofMinutes(30)),
				t0.plus(Duration.ofMinutes(70)), 12.5, 9000, stops);
		NewRoute theirs = new NewRoute(2, otherVehicle, otherDriverId, RouteStatus.LOCKED, t0.plus(Duration.ofMinutes(5)),
				t0.plus(Duration.ofMinutes(60)), 6.0, 5000,
				List.of(stop(points.get(3), wideStart, wideEnd, t0.plus(Duration.ofMinutes(20)), 0)));
		plans.finish(planId, List.of(mine, theirs), 10, t0);
		var routes = plans.routes(planId);
		routeId = routes.get(0).id();
		otherRouteId = routes.get(1).id();
	}

	/** The stop ids of route 1, in order. */
	public List<Long> stopIds(ApplicationContext context) {
		return context.getBean(RoutePlans.class).stopsOfRoute(routeId).stream().map(s -> s.id()).toList();
	}

	private static NewStop stop(PickupPoint p, Instant from, Instant to, Instant planned, int orders) {
		return new NewStop(p.id().value(), p.name(), p.address(), p.latitude(), p.longitude(), from, to, 10, planned, 0,
				new Load(1, 2, 0, 8.5), orders);
	}

	private static long vehicle(JdbcClient jdbc, long grid, long driver) {
		String plate = "浙A" + (10000 + MarketingFixtures.next() % 89999);
		return jdbc.sql("""
				insert into logistics.vehicle (region_id, grid_warehouse_id, plate, name, ambient_crates, chilled_crates,
				  frozen_crates, max_kg, cost_per_km_fen, cost_per_hour_fen, fixed_cost_fen, driver_account_id)
				select region_id, id, ?, '冷藏车', 20, 20, 10, 2000, 300, 4000, 20000, ? from network.warehouse where id = ?
				returning id""")
			.params(plate + "D" + System.nanoTime() % 1000, driver, grid).query(Long.class).single();
	}
}
