package com.linli.network;

import java.util.HashMap;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Regions, warehouses and communities through the API, as the console's staff and a client would use it. */
@IntegrationTest
class NetworkIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api admin;

	NetworkFixtures fixtures;

	@BeforeEach
	void signIn() {
		admin = Api.at(port).asAdmin();
		fixtures = new NetworkFixtures(admin);
	}

	@Test
	void adminOpensARegionWhichAnyoneCanSee() {
		String suffix = NetworkFixtures.unique();
		var created = admin.post("/api/network/regions",
				Map.of("name", "武汉" + suffix, "code", "wh" + suffix, "zone", "Asia/Shanghai"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("code").asText()).isEqualTo("WH" + suffix);

		var anonymous = Api.at(port).anonymous();
		assertThat(anonymous.get("/api/network/regions/" + created.id()).json().get("zone").asText())
			.isEqualTo("Asia/Shanghai");
		assertThat(anonymous.get("/api/network/regions").text()).contains("武汉" + suffix);

		long audited = jdbc.sql("select count(*) from identity.audit_log where action = 'network.region.create' and target = ?")
			.param("region:" + created.id()).query(Long.class).single();
		assertThat(audited).isEqualTo(1);
	}

	@Test
	void aClosedRegionLeavesThePublicListButStaysReadable() {
		long region = fixtures.region();
		var closed = admin.put("/api/network/regions/" + region,
				Map.of("name", "关闭城" + NetworkFixtures.unique(), "zone", "Asia/Urumqi", "active", false));
		assertThat(closed.status()).isEqualTo(200);
		assertThat(closed.json().get("zone").asText()).isEqualTo("Asia/Urumqi");

		var anonymous = Api.at(port).anonymous();
		assertThat(anonymous.get("/api/network/regions").json().findValues("id").stream().map(n -> n.asLong()))
			.doesNotContain(region);
		assertThat(anonymous.get("/api/network/regions/" + region).json().get("active").asBoolean()).isFalse();
	}

	@Test
	void badRegionInputNamesTheFieldAndCreatesNothing() {
		long before = count("network.region");
		String suffix = NetworkFixtures.unique();

		var unknownZone = admin.post("/api/network/regions", Map.of("name", "南京" + suffix, "code", "NJ" + suffix,
				"zone", "Asia/Nanjing"));
		assertThat(unknownZone.status()).isEqualTo(400);
		assertThat(unknownZone.contentType()).contains("application/problem+json");
		assertThat(unknownZone.errorFields()).containsExactly("zone");

		var offsetZone = admin.post("/api/network/regions", Map.of("name", "南京" + suffix, "code", "NJ" + suffix,
				"zone", "+08:00"));
		assertThat(offsetZone.errorFields()).containsExactly("zone");

		var blank = admin.post("/api/network/regions", Map.of("name", " ", "code", "", "zone", "Asia/Shanghai"));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.errorFields()).contains("name", "code");

		var badCode = admin.post("/api/network/regions", Map.of("name", "南京" + suffix, "code", "9 NJ",
				"zone", "Asia/Shanghai"));
		assertThat(badCode.status()).isEqualTo(400);
		assertThat(badCode.errorFields()).containsExactly("code");
		assertThat(count("network.region")).isEqualTo(before);

		long region = fixtures.region();
		String code = admin.get("/api/network/regions/" + region).json().get("code").asText();
		var duplicate = admin.post("/api/network/regions", Map.of("name", "另一个" + suffix, "code", code.toLowerCase(),
				"zone", "Asia/Shanghai"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.errorFields()).containsExactly("code");
		assertThat(count("network.region")).isEqualTo(before + 1);
	}

	@Test
	void onlyPlatformAdminsOpenRegions() {
		var body = Map.of("name", "长沙" + NetworkFixtures.unique(), "code", "CS" + NetworkFixtures.unique(), "zone",
				"Asia/Shanghai");
		assertThat(Api.at(port).anonymous().post("/api/network/regions", body).status()).isEqualTo(401);
		long region = fixtures.region();
		assertThat(fixtures.operatorOf(region).post("/api/network/regions", body).status()).isEqualTo(403);
		assertThat(Api.at(port).newResident().post("/api/network/regions", body).status()).isEqualTo(403);
		assertThat(fixtures.operatorOf(region)
			.put("/api/network/regions/" + region, Map.of("name", "改名", "zone", "Asia/Shanghai", "active", true))
			.status()).isEqualTo(403);
	}

	@Test
	void operatorManagesWarehousesOfTheirRegionOnly() {
		long mine = fixtures.region();
		long other = fixtures.region();
		long othersWarehouse = fixtures.warehouse(other, "GRID");
		var operator = fixtures.operatorOf(mine);

		var central = operator.post("/api/network/warehouses", warehouse(mine, "CENTRAL"));
		assertThat(central.status()).isEqualTo(201);
		assertThat(central.json().get("kind").asText()).isEqualTo("CENTRAL");

		long before = count("network.warehouse");
		assertThat(operator.post("/api/network/warehouses", warehouse(other, "GRID")).status()).isEqualTo(403);
		assertThat(operator.get("/api/network/warehouses/" + othersWarehouse).status()).isEqualTo(403);
		assertThat(operator.get("/api/network/warehouses?regionId=" + other).status()).isEqualTo(403);
		assertThat(operator.put("/api/network/warehouses/" + othersWarehouse, Map.of("name", "抢来的", "address", "x",
				"latitude", 30, "longitude", 114, "active", true)).status()).isEqualTo(403);
		assertThat(count("network.warehouse")).isEqualTo(before);

		var listed = operator.get("/api/network/warehouses?size=200").json();
		assertThat(listed.get("items").findValues("regionId").stream().map(n -> n.asLong())).containsOnly(mine);
		assertThat(listed.get("total").asLong()).isEqualTo(1);
		assertThat(operator.get("/api/network/warehouses?kind=GRID").json().get("total").asLong()).isZero();

		assertThat(Api.at(port).anonymous().get("/api/network/warehouses").status()).isEqualTo(401);
		assertThat(Api.at(port).newResident().get("/api/network/warehouses").status()).isEqualTo(403);
	}

	@Test
	void badWarehouseInputNamesTheFieldAndCreatesNothing() {
		long region = fixtures.region();
		long before = count("network.warehouse");

		var latitude = warehouse(region, "GRID");
		latitude.put("latitude", 91);
		assertThat(admin.post("/api/network/warehouses", latitude).errorFields()).containsExactly("latitude");

		var kind = warehouse(region, "GRID");
		kind.put("kind", "DEPOT");
		var badKind = admin.post("/api/network/warehouses", kind);
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.errorFields()).containsExactly("kind");

		var unknownRegion = admin.post("/api/network/warehouses", warehouse(Long.MAX_VALUE, "GRID"));
		assertThat(unknownRegion.status()).isEqualTo(400);
		assertThat(unknownRegion.errorFields()).containsExactly("regionId");

		var missing = admin.post("/api/network/warehouses", Map.of("kind", "GRID"));
		assertThat(missing.errorFields()).contains("regionId", "name", "address", "latitude", "longitude");
		assertThat(count("network.warehouse")).isEqualTo(before);

		var first = warehouse(region, "GRID");
		assertThat(admin.post("/api/network/warehouses", first).status()).isEqualTo(201);
		var sameName = admin.post("/api/network/warehouses", first);
		assertThat(sameName.status()).isEqualTo(409);
		assertThat(sameName.errorFields()).containsExactly("name");
	}

	@Test
	void aGridWarehouseServingOpenPickupPointsCannotClose() {
		var network = fixtures.network();
		var close = admin.put("/api/network/warehouses/" + network.gridId(),
				Map.of("name", "网格仓" + NetworkFixtures.unique(), "address", "物流园", "latitude", 30.5, "longitude", 114.3,
						"active", false));
		assertThat(close.status()).isEqualTo(409);
		assertThat(close.json().get("code").asText()).isEqualTo("warehouse-serves-pickup-points");
		assertThat(admin.get("/api/network/warehouses/" + network.gridId()).json().get("active").asBoolean()).isTrue();
	}

	@Test
	void operatorRegistersAndEditsCommunitiesOfTheirRegion() {
		long mine = fixtures.region();
		long other = fixtures.region();
		var operator = fixtures.operatorOf(mine);

		var created = operator.post("/api/network/communities", community(mine, 860));
		assertThat(created.status()).isEqualTo(201);
		var edited = operator.put("/api/network/communities/" + created.id(), Map.of("name", "幸福里", "district", "武昌区",
				"address", "中北路8号", "latitude", 30.55, "longitude", 114.34, "households", 900));
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.json().get("households").asInt()).isEqualTo(900);
		assertThat(operator.get("/api/network/communities?q=幸福里").json().get("total").asLong()).isEqualTo(1);

		assertThat(operator.post("/api/network/communities", community(other, 10)).status()).isEqualTo(403);
		long othersCommunity = fixtures.community(other);
		assertThat(operator.get("/api/network/communities/" + othersCommunity).status()).isEqualTo(403);
		assertThat(operator.get("/api/network/communities").json().get("items").findValues("regionId").stream()
			.map(n -> n.asLong())).containsOnly(mine);
	}

	@Test
	void badCommunityInputNamesTheFieldAndChangesNothing() {
		long region = fixtures.region();
		long before = count("network.community");
		var negative = admin.post("/api/network/communities", community(region, -1));
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.errorFields()).containsExactly("households");
		var longitude = community(region, 10);
		longitude.put("longitude", 181);
		assertThat(admin.post("/api/network/communities", longitude).errorFields()).containsExactly("longitude");
		assertThat(count("network.community")).isEqualTo(before);

		long community = fixtures.community(region);
		var blankName = admin.put("/api/network/communities/" + community, Map.of("name", "", "district", "洪山区",
				"address", "珞喻路1号", "latitude", 30.52, "longitude", 114.35, "households", 5));
		assertThat(blankName.errorFields()).containsExactly("name");
		assertThat(admin.get("/api/network/communities/" + community).json().get("households").asInt()).isEqualTo(1200);
	}

	private static Map<String, Object> warehouse(long regionId, String kind) {
		var body = new HashMap<String, Object>();
		body.put("regionId", regionId);
		body.put("kind", kind);
		body.put("name", "仓" + NetworkFixtures.unique());
		body.put("address", "东西湖物流园");
		body.put("latitude", 30.62);
		body.put("longitude", 114.14);
		return body;
	}

	private static Map<String, Object> community(long regionId, int households) {
		var body = new HashMap<String, Object>();
		body.put("regionId", regionId);
		body.put("name", "小区" + NetworkFixtures.unique());
		body.put("district", "洪山区");
		body.put("address", "珞喻路100号");
		body.put("latitude", 30.51);
		body.put("longitude", 114.36);
		body.put("households", households);
		return body;
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
