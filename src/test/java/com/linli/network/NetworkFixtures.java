package com.linli.network;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.Api;

/** Builds regions, warehouses, communities and pickup points through the API, each with unique names. */
public final class NetworkFixtures {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

	private final Api admin;

	public NetworkFixtures(Api admin) {
		this.admin = admin;
	}

	/** A short unique suffix for names and codes. */
	public static String unique() {
		return Long.toString(SEQUENCE.incrementAndGet(), 36).toUpperCase();
	}

	public long region() {
		String suffix = unique();
		return created(admin.post("/api/network/regions",
				Map.of("name", "测试城" + suffix, "code", "T" + suffix, "zone", "Asia/Shanghai")));
	}

	public long warehouse(long regionId, String kind) {
		return created(admin.post("/api/network/warehouses", Map.of("regionId", regionId, "kind", kind, "name",
				kind + "仓" + unique(), "address", "物流园1号", "latitude", 30.5, "longitude", 114.3)));
	}

	public long community(long regionId) {
		return created(admin.post("/api/network/communities", Map.of("regionId", regionId, "name", "幸福小区" + unique(),
				"district", "洪山区", "address", "珞喻路1号", "latitude", 30.52, "longitude", 114.35, "households", 1200)));
	}

	public long pickupPoint(long communityId, long gridId) {
		return pickupPoint(communityId, gridId, 30.52, 114.35);
	}

	public long pickupPoint(long communityId, long gridId, double latitude, double longitude) {
		return created(admin.post("/api/network/pickup-points", pickupPointBody(communityId, gridId, latitude, longitude)));
	}

	public static Map<String, Object> pickupPointBody(long communityId, long gridId, double latitude, double longitude) {
		var body = new HashMap<String, Object>();
		body.put("communityId", communityId);
		body.put("gridWarehouseId", gridId);
		body.put("name", "自提点" + unique());
		body.put("address", "3栋1楼便利店");
		body.put("latitude", latitude);
		body.put("longitude", longitude);
		body.put("opensAt", "08:00");
		body.put("closesAt", "21:30");
		return body;
	}

	/** A region with a grid warehouse, a community and an open pickup point in it. */
	public Network network() {
		long region = region();
		long grid = warehouse(region, "GRID");
		long community = community(region);
		return new Network(region, grid, community, pickupPoint(community, grid));
	}

	/** An operator of the given regions, signed in. */
	public Api operatorOf(long... regionIds) {
		String phone = Api.newPhone();
		var response = admin.post("/api/admin/accounts", Map.of("phone", phone, "displayName", "运营" + phone.substring(7),
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds", regionIds));
		if (response.status() != 201) {
			throw new IllegalStateException("operator creation failed: " + response);
		}
		return admin.as(phone, "secret123");
	}

	private static long created(Api.Response response) {
		if (response.status() != 201) {
			throw new IllegalStateException("creation failed: " + response);
		}
		return response.id();
	}

	public record Network(long regionId, long gridId, long communityId, long pickupPointId) {
	}
}
