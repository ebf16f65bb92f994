package com.linli.logistics.warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.identity.Actor;
import com.linli.logistics.Load;
import com.linli.logistics.RouteStatus;
import com.linli.logistics.internal.RoutePlans;
import com.linli.logistics.internal.RoutePlans.NewRoute;
import com.linli.logistics.internal.RoutePlans.NewStop;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.CommunityManagement;
import com.linli.network.NewCommunity;
import com.linli.network.NewPickupPoint;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.Region;
import com.linli.network.WarehouseId;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data of the grid warehouse's morning: more pickup points on one grid warehouse, vehicles (by SQL, as the
 * fleet's API is built elsewhere), a stored ready plan, and a warehouse staff account of a region.
 */
public final class WarehouseFixtures {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final ApplicationContext context;

	private final JdbcClient jdbc;

	public WarehouseFixtures(ApplicationContext context) {
		this.context = context;
		this.jdbc = context.getBean(JdbcClient.class);
	}

	/** Another pickup point served by the given grid warehouse. */
	public PickupPoint pointOn(Region region, WarehouseId grid, String name, double lat, double lon) {
		Actor fixtures = Actor.system("test-fixtures");
		int n = MarketingFixtures.next();
		var community = context.getBean(CommunityManagement.class)
			.createCommunity(fixtures, new NewCommunity(region.id(), name + n, "测试区", "和平路 " + n + " 号", lat, lon, 600));
		return context.getBean(PickupPointManagement.class).openPickupPoint(fixtures, new NewPickupPoint(community.id(),
				grid, name + n + "便利店", "和平路 " + n + " 号 2 栋", lat, lon, LocalTime.of(8, 0), LocalTime.of(21, 0)));
	}

	public long vehicle(Region region, WarehouseId grid) {
		int n = MarketingFixtures.next();
		return jdbc.sql("""
				insert into logistics.vehicle (region_id, grid_warehouse_id, plate, name, ambient_crates, chilled_crates,
				  frozen_crates, max_kg, cost_per_km_fen, cost_per_hour_fen, fixed_cost_fen)
				values (?, ?, ?, ?, 20, 20, 10, 2000, 300, 4000, 10000) returning id""")
			.params(region.id().value(), grid.value(), "浙A" + n, "冷链车 " + n).query(Long.class).single();
	}

	/** A stop at a pickup point, its window 05:00–08:00 of the pickup date. */
	public static NewStop stop(PickupPoint p, LocalDate date, int minute, Load load, int orders) {
		Instant at = date.atTime(5, 0).atZone(SHANGHAI).toInstant();
		return new NewStop(p.id().value(), p.name(), p.address(), p.latitude(), p.longitude(), at,
				date.atTime(8, 0).atZone(SHANGHAI).toInstant(), 10, at.plusSeconds(60L * minute), 0, load, orders);
	}

	public static NewRoute route(int no, long vehicle, LocalDate date, LocalTime departs, List<NewStop> stops) {
		Instant depart = date.atTime(departs).atZone(SHANGHAI).toInstant();
		return new NewRoute(no, vehicle, null, RouteStatus.PLANNED, depart, depart.plusSeconds(3 * 3600), 12.5, 9000, stops);
	}

	/** A READY plan of a run's grid warehouse with the given routes. */
	public long readyPlan(long runId, Region region, WarehouseId grid, LocalDate date, List<NewRoute> routes) {
		RoutePlans plans = context.getBean(RoutePlans.class);
		long planId = plans.start(runId, region.id().value(), grid.value(), date, 5000, null, Instant.parse("2026-12-01T00:00:00Z"));
		plans.finish(planId, routes, 1200, Instant.parse("2026-12-01T00:00:02Z"));
		return planId;
	}

	public static Api staffOf(Api api, String role, Region region) {
		return api.as(staffPhone(api, role, region), "secret123");
	}

	/** A new account of the role in the region (password secret123): its phone. */
	public static String staffPhone(Api api, String role, Region region) {
		String phone = Api.newPhone();
		var created = api.asAdmin().post("/api/admin/accounts", Map.of("phone", phone, "displayName", "仓管" + MarketingFixtures.next(),
				"password", "secret123", "roles", new String[] { role }, "regionIds", new long[] { region.id().value() }));
		if (created.status() != 201) {
			throw new IllegalStateException("account not created: " + created);
		}
		return phone;
	}
}
