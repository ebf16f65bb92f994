package com.linli.network;

import java.time.LocalTime;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.identity.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/** Pickup points: opening them in a community served by a grid warehouse, finding the nearest, residents choosing one. */
@IntegrationTest
@RecordApplicationEvents
class PickupPointIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PickupPointManagement network;

	@Autowired
	ResidentBindingManagement residentBindings;

	Api admin;

	NetworkFixtures fixtures;

	@BeforeEach
	void signIn() {
		admin = Api.at(port).asAdmin();
		fixtures = new NetworkFixtures(admin);
	}

	@Test
	void openingAPickupPointPublishesPickupPointOpened(ApplicationEvents events) {
		long region = fixtures.region();
		long grid = fixtures.warehouse(region, "GRID");
		long community = fixtures.community(region);

		var point = network.openPickupPoint(Actor.system("test"), new NewPickupPoint(new CommunityId(community), new WarehouseId(grid),
				"东门自提点", "东门岗亭旁", 30.52, 114.35, LocalTime.of(7, 30), LocalTime.of(20, 0)));

		assertThat(point.regionId()).isEqualTo(new RegionId(region));
		assertThat(point.communityName()).startsWith("幸福小区");
		assertThat(events.stream(PickupPointOpened.class))
			.containsExactly(new PickupPointOpened(point.id(), new RegionId(region)));
	}

	@Test
	void operatorOpensAPickupPointServedByAGridWarehouseOfTheSameRegion() {
		long region = fixtures.region();
		long grid = fixtures.warehouse(region, "GRID");
		long community = fixtures.community(region);
		var operator = fixtures.operatorOf(region);

		var opened = operator.post("/api/network/pickup-points", NetworkFixtures.pickupPointBody(community, grid, 30.5, 114.3));
		assertThat(opened.status()).isEqualTo(201);
		var json = opened.json();
		assertThat(json.get("regionId").asLong()).isEqualTo(region);
		assertThat(json.get("gridWarehouseId").asLong()).isEqualTo(grid);
		assertThat(json.get("opensAt").asText()).startsWith("08:00");
		assertThat(json.get("active").asBoolean()).isTrue();
	}

	@Test
	void aPickupPointNeedsAGridWarehouseOfItsCommunitysRegion() {
		long region = fixtures.region();
		long central = fixtures.warehouse(region, "CENTRAL");
		long community = fixtures.community(region);
		long otherRegion = fixtures.region();
		long foreignGrid = fixtures.warehouse(otherRegion, "GRID");
		long before = count();

		var centralOne = admin.post("/api/network/pickup-points", NetworkFixtures.pickupPointBody(community, central, 30.5, 114.3));
		assertThat(centralOne.status()).isEqualTo(400);
		assertThat(centralOne.errorFields()).containsExactly("gridWarehouseId");

		var foreign = admin.post("/api/network/pickup-points", NetworkFixtures.pickupPointBody(community, foreignGrid, 30.5, 114.3));
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.errorFields()).containsExactly("gridWarehouseId");

		var unknownCommunity = admin.post("/api/network/pickup-points",
				NetworkFixtures.pickupPointBody(Long.MAX_VALUE, foreignGrid, 30.5, 114.3));
		assertThat(unknownCommunity.errorFields()).containsExactly("communityId");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theDatabaseRefusesAPickupPointWhoseGridWarehouseIsOfAnotherRegion() {
		var home = fixtures.network();
		var elsewhere = fixtures.network();
		long before = count();
		var refused = org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql("""
				insert into network.pickup_point (region_id, community_id, grid_warehouse_id, name, address, latitude,
				                                  longitude, opens_at, closes_at, created_at)
				values (?, ?, ?, 'x', 'x', 30, 114, '08:00', '20:00', now())""")
			.params(home.regionId(), home.communityId(), elsewhere.gridId()).update());
		assertThat(refused).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void badPickupPointInputNamesTheFieldAndChangesNothing() {
		var network = fixtures.network();
		long before = count();

		var hours = NetworkFixtures.pickupPointBody(network.communityId(), network.gridId(), 30.5, 114.3);
		hours.put("opensAt", "20:00");
		hours.put("closesAt", "08:00");
		var backwards = admin.post("/api/network/pickup-points", hours);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.errorFields()).containsExactly("closesAt");

		var time = NetworkFixtures.pickupPointBody(network.communityId(), network.gridId(), 30.5, 114.3);
		time.put("opensAt", "25:00");
		assertThat(admin.post("/api/network/pickup-points", time).errorFields()).containsExactly("opensAt");
		assertThat(count()).isEqualTo(before);

		var edit = Map.<String, Object>of("gridWarehouseId", network.gridId(), "name", "新名字", "address", "x",
				"latitude", -91, "longitude", 114.3, "opensAt", "08:00", "closesAt", "20:00", "active", true);
		assertThat(admin.put("/api/network/pickup-points/" + network.pickupPointId(), edit).errorFields())
			.containsExactly("latitude");
		assertThat(admin.get("/api/network/pickup-points/" + network.pickupPointId()).json().get("name").asText())
			.isNotEqualTo("新名字");
	}

	@Test
	void operatorsSeeAndChangeOnlyPickupPointsOfTheirRegions() {
		var mine = fixtures.network();
		var theirs = fixtures.network();
		var operator = fixtures.operatorOf(mine.regionId());

		var listed = operator.get("/api/network/pickup-points/search?size=200").json();
		assertThat(listed.get("items").findValues("regionId").stream().map(n -> n.asLong())).containsOnly(mine.regionId());
		assertThat(operator.get("/api/network/pickup-points/search?regionId=" + theirs.regionId()).status()).isEqualTo(403);

		var edit = Map.<String, Object>of("gridWarehouseId", theirs.gridId(), "name", "被改了", "address", "x",
				"latitude", 30, "longitude", 114.3, "opensAt", "08:00", "closesAt", "20:00", "active", false);
		assertThat(operator.put("/api/network/pickup-points/" + theirs.pickupPointId(), edit).status()).isEqualTo(403);
		assertThat(admin.get("/api/network/pickup-points/" + theirs.pickupPointId()).json().get("active").asBoolean())
			.isTrue();
		assertThat(operator.post("/api/network/pickup-points",
				NetworkFixtures.pickupPointBody(theirs.communityId(), theirs.gridId(), 30.5, 114.3)).status())
			.isEqualTo(403);
		assertThat(Api.at(port).anonymous().get("/api/network/pickup-points/search").status()).isEqualTo(401);
		assertThat(Api.at(port).anonymous()
			.post("/api/network/pickup-points", NetworkFixtures.pickupPointBody(mine.communityId(), mine.gridId(), 30, 114))
			.status()).isEqualTo(401);
		assertThat(Api.at(port).newResident()
			.post("/api/network/pickup-points", NetworkFixtures.pickupPointBody(mine.communityId(), mine.gridId(), 30, 114))
			.status()).isEqualTo(403);
	}

	@Test
	void anyoneFindsTheNearestOpenPickupPointsFirst() {
		long region = fixtures.region();
		long grid = fixtures.warehouse(region, "GRID");
		long community = fixtures.community(region);
		long far = fixtures.pickupPoint(community, grid, 30.60, 114.40);
		long near = fixtures.pickupPoint(community, grid, 30.5201, 114.3501);
		long middle = fixtures.pickupPoint(community, grid, 30.55, 114.35);
		long closed = fixtures.pickupPoint(community, grid, 30.52, 114.35);
		close(closed, grid);

		var response = Api.at(port).anonymous()
			.get("/api/network/pickup-points?regionId=" + region + "&lat=30.52&lng=114.35&limit=10");
		assertThat(response.status()).isEqualTo(200);
		var json = response.json();
		assertThat(json.findValues("id").stream().map(n -> n.asLong())).containsExactly(near, middle, far);
		long nearMeters = json.get(0).get("distanceMeters").asLong();
		long middleMeters = json.get(1).get("distanceMeters").asLong();
		assertThat(nearMeters).isBetween(5L, 20L);
		assertThat(middleMeters).isBetween(3300L, 3350L);   // 0.03 degrees of latitude

		var byName = Api.at(port).anonymous().get("/api/network/pickup-points?regionId=" + region).json();
		assertThat(byName.findValues("id").stream().map(n -> n.asLong())).containsExactlyInAnyOrder(near, middle, far);

		var halfPosition = Api.at(port).anonymous().get("/api/network/pickup-points?regionId=" + region + "&lat=30.5");
		assertThat(halfPosition.status()).isEqualTo(400);
		assertThat(halfPosition.errorFields()).containsExactly("lng");
	}

	@Test
	void aResidentChoosesAndChangesTheirPickupPoint() {
		long region = fixtures.region();
		long grid = fixtures.warehouse(region, "GRID");
		long community = fixtures.community(region);
		long first = fixtures.pickupPoint(community, grid);
		long second = fixtures.pickupPoint(community, grid);
		var resident = Api.at(port).newResident();

		assertThat(resident.get("/api/me/pickup-point").status()).isEqualTo(204);

		var chosen = resident.put("/api/me/pickup-point", Map.of("pickupPointId", first));
		assertThat(chosen.status()).isEqualTo(200);
		assertThat(resident.get("/api/me/pickup-point").json().get("id").asLong()).isEqualTo(first);
		assertThat(residents(first)).isEqualTo(1);

		assertThat(resident.put("/api/me/pickup-point", Map.of("pickupPointId", second)).status()).isEqualTo(200);
		assertThat(resident.get("/api/me/pickup-point").json().get("id").asLong()).isEqualTo(second);
		assertThat(residents(first)).isZero();
		assertThat(residents(second)).isEqualTo(1);
		long accountId = resident.get("/api/me").id();
		assertThat(jdbc.sql("select count(*) from network.resident_pickup_point where account_id = ?").param(accountId)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aResidentCannotChooseAnUnknownOrClosedPickupPoint() {
		var network = fixtures.network();
		long closed = fixtures.pickupPoint(network.communityId(), network.gridId());
		close(closed, network.gridId());
		var resident = Api.at(port).newResident();
		resident.put("/api/me/pickup-point", Map.of("pickupPointId", network.pickupPointId()));

		assertThat(resident.put("/api/me/pickup-point", Map.of("pickupPointId", Long.MAX_VALUE)).status()).isEqualTo(404);
		var refused = resident.put("/api/me/pickup-point", Map.of("pickupPointId", closed));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("code").asText()).isEqualTo("pickup-point-closed");
		var missing = resident.put("/api/me/pickup-point", Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errorFields()).containsExactly("pickupPointId");
		assertThat(resident.get("/api/me/pickup-point").json().get("id").asLong()).isEqualTo(network.pickupPointId());

		assertThat(Api.at(port).anonymous().put("/api/me/pickup-point", Map.of("pickupPointId", network.pickupPointId()))
			.status()).isEqualTo(401);
		assertThat(Api.at(port).anonymous().get("/api/me/pickup-point").status()).isEqualTo(401);
	}

	private void close(long pickupPoint, long grid) {
		var response = admin.put("/api/network/pickup-points/" + pickupPoint, Map.of("gridWarehouseId", grid, "name",
				"已关闭" + NetworkFixtures.unique(), "address", "x", "latitude", 30.52, "longitude", 114.35, "opensAt", "08:00",
				"closesAt", "20:00", "active", false));
		assertThat(response.status()).isEqualTo(200);
	}

	private long residents(long pickupPoint) {
		return residentBindings.residentsAt(new PickupPointId(pickupPoint));
	}

	private long count() {
		return jdbc.sql("select count(*) from network.pickup_point").query(Long.class).single();
	}
}
