package com.linli.logistics.fleet;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.logistics.Load;
import com.linli.logistics.PlannedStop;
import com.linli.logistics.RouteStatus;
import com.linli.logistics.StopStatus;
import com.linli.logistics.internal.RoutePlans;
import com.linli.logistics.internal.RoutePlans.NewRoute;
import com.linli.logistics.internal.RoutePlans.NewStop;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.NetworkFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet through HTTP (issue 14): vehicles, drivers, shifts, delivery windows and packing with every bad input
 * (a 400 or 409 naming the field, nothing changed), region scoping, and the delivery performance figures of stored
 * routes compared exactly with figures computed by hand.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoutePlans plans;

	Api admin;

	Api operator;

	Api stranger;

	NetworkFixtures.Network net;

	long central;

	long otherGrid;

	@BeforeAll
	void network() {
		admin = Api.at(port).asAdmin();
		var fixtures = new NetworkFixtures(admin);
		net = fixtures.network();
		central = fixtures.warehouse(net.regionId(), "CENTRAL");
		var elsewhere = fixtures.network();
		otherGrid = elsewhere.gridId();
		operator = fixtures.operatorOf(net.regionId());
		stranger = fixtures.operatorOf(elsewhere.regionId());
	}

	static Map<String, Object> vehicle(long grid, String plate) {
		Map<String, Object> v = new HashMap<>();
		v.put("gridWarehouseId", grid);
		v.put("plate", plate);
		v.put("name", "冷藏车" + plate);
		v.put("ambientCrates", 20);
		v.put("chilledCrates", 30);
		v.put("frozenCrates", 10);
		v.put("maxKg", 1500);
		v.put("costPerKmFen", 180);
		v.put("costPerHourFen", 4500);
		v.put("fixedCostFen", 15000);
		v.put("shiftStart", "04:30");
		v.put("latestReturn", "10:00");
		return v;
	}

	static String plate() {
		return "鄂A" + NetworkFixtures.unique();
	}

	long vehicleCount(long grid) {
		return jdbc.sql("select count(*) from logistics.vehicle where grid_warehouse_id = ?").param(grid).query(Long.class)
			.single();
	}

	Api.Response bad(Api api, String method, String path, Map<String, Object> body, int status, String field) {
		var r = method.equals("post") ? api.post(path, body) : api.put(path, body);
		assertThat(r.status()).as(path + " " + body + ": " + r).isEqualTo(status);
		assertThat(r.errorFields()).as(r.toString()).contains(field);
		return r;
	}

	@Test
	void vehiclesAreAddedEditedAndDeactivatedAndBadInputChangesNothing() {
		String plate = plate();
		var created = operator.post("/api/admin/logistics/vehicles", vehicle(net.gridId(), plate));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.id();
		JsonNode v = created.json();
		assertThat(v.get("chilledCrates").asInt()).isEqualTo(30);
		assertThat(v.get("regionId").asLong()).isEqualTo(net.regionId());
		assertThat(v.get("version").asInt()).isZero();
		long before = vehicleCount(net.gridId());

		// bad input on create: 400 naming the field, nothing stored
		String path = "/api/admin/logistics/vehicles";
		var negative = vehicle(net.gridId(), plate());
		negative.put("ambientCrates", -1);
		bad(operator, "post", path, negative, 400, "ambientCrates");
		var negativeCost = vehicle(net.gridId(), plate());
		negativeCost.put("costPerKmFen", -5);
		bad(operator, "post", path, negativeCost, 400, "costPerKmFen");
		var negativeFixed = vehicle(net.gridId(), plate());
		negativeFixed.put("fixedCostFen", -1);
		bad(operator, "post", path, negativeFixed, 400, "fixedCostFen");
		var none = vehicle(net.gridId(), plate());
		none.putAll(Map.of("ambientCrates", 0, "chilledCrates", 0, "frozenCrates", 0));
		bad(operator, "post", path, none, 400, "compartments");
		var backward = vehicle(net.gridId(), plate());
		backward.put("latestReturn", "04:00");
		bad(operator, "post", path, backward, 400, "latestReturn");
		bad(operator, "post", path, vehicle(central, plate()), 400, "gridWarehouseId");
		long operatorAccount = operator.get("/api/me").json().get("id").asLong();
		var notDriver = vehicle(net.gridId(), plate());
		notDriver.put("driverAccountId", operatorAccount);
		bad(operator, "post", path, notDriver, 400, "driverAccountId");
		var noPlate = vehicle(net.gridId(), " ");
		bad(operator, "post", path, noPlate, 400, "plate");
		var taken = bad(operator, "post", path, vehicle(net.gridId(), plate.toLowerCase()), 409, "plate");
		assertThat(taken.json().get("code").asText()).isEqualTo("plate-taken");
		assertThat(vehicleCount(net.gridId())).isEqualTo(before);
		// another region's grid warehouse: not the operator's to fleet
		assertThat(operator.post(path, vehicle(otherGrid, plate())).status()).isEqualTo(403);

		// edit with compare-and-set on the version
		var edit = vehicle(net.gridId(), plate);
		edit.put("version", 0);
		edit.put("chilledCrates", 40);
		var edited = operator.put(path + "/" + id, edit);
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.json().get("chilledCrates").asInt()).isEqualTo(40);
		assertThat(edited.json().get("version").asInt()).isEqualTo(1);
		var stale = operator.put(path + "/" + id, edit);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("code").asText()).isEqualTo("changed-concurrently");
		// bad input on edit: nothing changed
		var negativeEdit = vehicle(net.gridId(), plate);
		negativeEdit.put("version", 1);
		negativeEdit.put("frozenCrates", -3);
		bad(operator, "put", path + "/" + id, negativeEdit, 400, "frozenCrates");
		var moved = vehicle(otherGrid, plate);
		moved.put("version", 1);
		bad(admin, "put", path + "/" + id, moved, 400, "gridWarehouseId");
		var unchanged = operator.get(path + "/" + id).json();
		assertThat(unchanged.get("chilledCrates").asInt()).isEqualTo(40);
		assertThat(unchanged.get("frozenCrates").asInt()).isEqualTo(10);
		assertThat(unchanged.get("version").asInt()).isEqualTo(1);

		// region scoping: another region's operator reaches nothing, warehouse staff of the region may read
		assertThat(stranger.get(path + "/" + id).status()).isEqualTo(403);
		assertThat(stranger.put(path + "/" + id, edit).status()).isEqualTo(403);
		assertThat(stranger.post(path + "/" + id + "/deactivate", Map.of("version", 1)).status()).isEqualTo(403);
		assertThat(stranger.get(path + "?gridWarehouseId=" + net.gridId()).status()).isEqualTo(403);
		assertThat(stranger.get(path).text()).doesNotContain(plate);
		var staff = staffOf(net.regionId());
		assertThat(staff.get(path + "?gridWarehouseId=" + net.gridId()).text()).contains(plate);
		assertThat(staff.post(path, vehicle(net.gridId(), plate())).status()).isEqualTo(403);

		var off = operator.post(path + "/" + id + "/deactivate", Map.of("version", 1));
		assertThat(off.status()).as(off.toString()).isEqualTo(200);
		assertThat(off.json().get("active").asBoolean()).isFalse();
		assertThat(operator.post(path + "/" + id + "/deactivate", Map.of("version", 1)).status()).isEqualTo(409);
	}

	Api staffOf(long regionId) {
		String phone = Api.newPhone();
		var r = admin.post("/api/admin/accounts", Map.of("phone", phone, "displayName", "仓管" + phone.substring(7), "password",
				"secret123", "roles", new String[] { "WAREHOUSE_STAFF" }, "regionIds", new long[] { regionId }));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return admin.as(phone, "secret123");
	}

	@Test
	void driversAreOpenedAssignedListedAndLeave() {
		String phone = Api.newPhone();
		String name = "王师傅" + NetworkFixtures.unique();
		var created = operator.post("/api/admin/logistics/drivers", Map.of("regionId", net.regionId(), "gridWarehouseId",
				net.gridId(), "phone", phone, "name", name, "password", "driver123"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long driverId = created.json().get("accountId").asLong();
		var driver = Api.at(port).as(phone, "driver123");
		assertThat(driver.get("/api/me").json().get("roles").toString()).contains("DRIVER");

		bad(operator, "post", "/api/admin/logistics/drivers", Map.of("regionId", net.regionId(), "phone", "12345", "name",
				"李师傅", "password", "driver123"), 400, "phone");
		bad(operator, "post", "/api/admin/logistics/drivers", Map.of("regionId", net.regionId(), "phone", phone, "name",
				"李师傅", "password", "driver123"), 409, "phone");
		assertThat(stranger.post("/api/admin/logistics/drivers", Map.of("regionId", net.regionId(), "phone",
				Api.newPhone(), "name", "外区", "password", "driver123")).status()).isEqualTo(403);

		var v = vehicle(net.gridId(), plate());
		v.put("driverAccountId", driverId);
		var vehicle = operator.post("/api/admin/logistics/vehicles", v);
		assertThat(vehicle.status()).as(vehicle.toString()).isEqualTo(201);
		JsonNode listed = null;
		for (JsonNode d : operator.get("/api/admin/logistics/drivers?regionId=" + net.regionId()).json()) {
			if (d.get("accountId").asLong() == driverId) {
				listed = d;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.get("name").asText()).isEqualTo(name);
		assertThat(listed.get("vehiclePlate").asText()).isEqualTo(v.get("plate"));
		assertThat(stranger.get("/api/admin/logistics/drivers?regionId=" + net.regionId()).status()).isEqualTo(403);
		assertThat(stranger.get("/api/admin/logistics/drivers").text()).doesNotContain(name);
		assertThat(stranger.get("/api/admin/logistics/drivers/" + driverId).status()).isEqualTo(403);
		assertThat(stranger.post("/api/admin/logistics/drivers/" + driverId + "/deactivate", Map.of()).status()).isEqualTo(403);

		var left = operator.post("/api/admin/logistics/drivers/" + driverId + "/deactivate", Map.of());
		assertThat(left.status()).as(left.toString()).isEqualTo(200);
		assertThat(left.json().get("active").asBoolean()).isFalse();
		var unassigned = operator.get("/api/admin/logistics/vehicles/" + vehicle.id()).json().get("driverAccountId");
		assertThat(unassigned == null || unassigned.isNull()).isTrue();
		var assign = vehicle(net.gridId(), plate());
		assign.put("driverAccountId", driverId);
		bad(operator, "post", "/api/admin/logistics/vehicles", assign, 400, "driverAccountId");
		assertThat(Api.at(port).anonymous().post("/api/auth/token", Map.of("phone", phone, "password", "driver123")).status())
			.isNotEqualTo(200);
	}

	@Test
	void shiftsPerVehicleAndDateShowInTheWeek() {
		var created = operator.post("/api/admin/logistics/vehicles", vehicle(net.gridId(), plate()));
		long id = created.id();
		LocalDate wednesday = LocalDate.of(2026, 12, 16);
		String path = "/api/admin/logistics/vehicles/" + id + "/shifts/";
		var off = operator.put(path + wednesday, Map.of("available", false));
		assertThat(off.status()).as(off.toString()).isEqualTo(200);
		var late = operator.put(path + wednesday.plusDays(1), Map.of("shiftStart", "05:30", "latestReturn", "11:00"));
		assertThat(late.status()).as(late.toString()).isEqualTo(200);
		bad(operator, "put", path + wednesday.plusDays(2), Map.of("shiftStart", "09:00", "latestReturn", "08:00"), 400,
				"latestReturn");
		long operatorAccount = operator.get("/api/me").json().get("id").asLong();
		bad(operator, "put", path + wednesday.plusDays(2), Map.of("driverAccountId", operatorAccount), 400, "driverAccountId");
		assertThat(stranger.put(path + wednesday, Map.of("available", true)).status()).isEqualTo(403);

		var week = operator.get("/api/admin/logistics/shifts?gridWarehouseId=" + net.gridId() + "&week=" + wednesday).json();
		assertThat(week.get("from").asText()).isEqualTo("2026-12-14");
		JsonNode row = null;
		for (JsonNode r : week.get("rows")) {
			if (r.get("vehicle").get("id").asLong() == id) {
				row = r;
			}
		}
		assertThat(row).isNotNull();
		var shifts = row.get("shifts");
		assertThat(shifts).hasSize(7);
		assertThat(shifts.get(0).get("available").asBoolean()).isTrue();
		assertThat(shifts.get(0).get("planned").asBoolean()).isFalse();
		assertThat(shifts.get(0).get("startsAt").asText()).startsWith("04:30");
		assertThat(shifts.get(2).get("available").asBoolean()).isFalse();
		assertThat(shifts.get(3).get("startsAt").asText()).startsWith("05:30");
		assertThat(shifts.get(4).get("planned").asBoolean()).as("the refused shift was not stored").isFalse();
		assertThat(stranger.get("/api/admin/logistics/shifts?gridWarehouseId=" + net.gridId() + "&week=" + wednesday).status())
			.isEqualTo(403);
		assertThat(operator.delete(path + wednesday).status()).isEqualTo(200);
	}

	@Test
	void deliveryWindowsAndPackingAreValidated() {
		long second = new NetworkFixtures(admin).pickupPoint(net.communityId(), net.gridId());
		String path = "/api/admin/logistics/drop-windows/" + net.pickupPointId();
		bad(operator, "put", path, Map.of("windowStart", "07:00", "windowEnd", "06:00", "serviceMinutes", 10), 400, "windowEnd");
		bad(operator, "put", path, Map.of("windowStart", "05:00", "windowEnd", "06:00", "serviceMinutes", 200), 400,
				"serviceMinutes");
		bad(operator, "put", path, Map.of("windowStart", "05:00", "serviceMinutes", 5), 400, "windowEnd");
		assertThat(operator.get(path).json().get("custom").asBoolean()).isFalse();
		var set = operator.put(path, Map.of("windowStart", "05:30", "windowEnd", "06:30", "serviceMinutes", 15));
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(stranger.put(path, Map.of("windowStart", "05:00", "windowEnd", "06:00", "serviceMinutes", 1)).status())
			.isEqualTo(403);
		assertThat(stranger.get(path).status()).isEqualTo(403);
		Map<Long, JsonNode> windows = new HashMap<>();
		operator.get("/api/admin/logistics/drop-windows?gridWarehouseId=" + net.gridId()).json()
			.forEach(w -> windows.put(w.get("pickupPointId").asLong(), w));
		assertThat(windows.get(net.pickupPointId()).get("windowStart").asText()).startsWith("05:30");
		assertThat(windows.get(net.pickupPointId()).get("serviceMinutes").asInt()).isEqualTo(15);
		assertThat(windows.get(net.pickupPointId()).get("custom").asBoolean()).isTrue();
		assertThat(windows.get(second).get("windowStart").asText()).startsWith("05:00");
		assertThat(windows.get(second).get("windowEnd").asText()).startsWith("08:00");
		assertThat(windows.get(second).get("serviceMinutes").asInt()).isEqualTo(10);
		assertThat(operator.delete(path).json().get("custom").asBoolean()).isFalse();

		var marketing = new MarketingFixtures(context);
		var sku = marketing.sku(marketing.category("冷链" + NetworkFixtures.unique(), 1), "鲜牛奶" + NetworkFixtures.unique(), "1L/瓶");
		String packing = "/api/admin/logistics/packing/" + sku.id().value();
		var fallback = operator.get(packing).json();
		// the default: as many units as a crate of the zone holds by weight (12 kg chilled), 1 to 40
		int byWeight = com.linli.logistics.SkuPacking.defaultUnitsPerCrate(sku.storage(), sku.weightGrams());
		assertThat(byWeight).isBetween(1, 40);
		assertThat(fallback.get("unitsPerCrate").asInt()).isEqualTo(byWeight);
		assertThat(fallback.get("custom").asBoolean()).isFalse();
		bad(operator, "put", packing, Map.of("unitsPerCrate", 0), 400, "unitsPerCrate");
		bad(operator, "put", packing, Map.of("unitsPerCrate", -4), 400, "unitsPerCrate");
		assertThat(operator.get(packing).json().get("custom").asBoolean()).isFalse();
		var packed = operator.put(packing, Map.of("unitsPerCrate", 24));
		assertThat(packed.status()).as(packed.toString()).isEqualTo(200);
		assertThat(packed.json().get("unitsPerCrate").asInt()).isEqualTo(24);
		assertThat(packed.json().get("defaultUnitsPerCrate").asInt()).isEqualTo(byWeight);
		assertThat(operator.get("/api/admin/logistics/packing/987654321").status()).isEqualTo(404);
	}

	// ---- delivery performance, hand-computed ----------------------------------------------------------------

	static Instant at(LocalDate date, String time) {
		return date.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
	}

	NewStop stop(long pointId, LocalDate date, String windowEnd, int ambient, int chilled, int orders) {
		return new NewStop(pointId, "站点" + pointId, "地址", 30.5, 114.3, at(date, "05:00"), at(date, windowEnd), 10,
				at(date, "06:00"), 0, new Load(ambient, chilled, 0, 10), orders);
	}

	long driverAccount(String name) {
		var r = operator.post("/api/admin/logistics/drivers", Map.of("regionId", net.regionId(), "phone", Api.newPhone(),
				"name", name, "password", "driver123"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("accountId").asLong();
	}

	void arrive(PlannedStop s, Instant when) {
		plans.move(plans.move(s, StopStatus.ARRIVED, null, when), StopStatus.HANDED_OVER, null, when.plusSeconds(120));
	}

	void dispatch(long routeId, Instant when, boolean complete) {
		var r = plans.move(plans.move(plans.route(routeId).orElseThrow(), RouteStatus.LOCKED, when), RouteStatus.DISPATCHED, when);
		if (complete) {
			plans.move(r, RouteStatus.COMPLETED, when.plusSeconds(4 * 3600));
		}
	}

	@Test
	void deliveryPerformanceMatchesFiguresComputedByHand() {
		var fixtures = new NetworkFixtures(admin);
		long grid = fixtures.warehouse(net.regionId(), "GRID");
		String nameA = "张师傅" + NetworkFixtures.unique();
		String nameB = "李师傅" + NetworkFixtures.unique();
		long a = driverAccount(nameA);
		long b = driverAccount(nameB);
		long[] vehicles = new long[3];
		for (int i = 0; i < 3; i++) {
			var v = vehicle(grid, plate());
			v.put("driverAccountId", i == 1 ? b : a);
			vehicles[i] = operator.post("/api/admin/logistics/vehicles", v).id();
		}
		long p = 9_000_000_000L + System.nanoTime() % 100_000_000L;
		LocalDate d1 = LocalDate.of(2026, 11, 2);
		LocalDate d2 = LocalDate.of(2026, 11, 3);
		Instant now = at(d1, "03:00");

		long plan1 = plans.start(p, net.regionId(), grid, d1, 1000, null, now);
		plans.finish(plan1, List.of(
				new NewRoute(1, vehicles[0], a, RouteStatus.PLANNED, at(d1, "05:00"), at(d1, "09:00"), 20.5, 5000,
						List.of(stop(p + 1, d1, "07:00", 3, 1, 5), stop(p + 2, d1, "07:30", 2, 0, 3), stop(p + 3, d1, "08:00", 0, 2, 2))),
				new NewRoute(2, vehicles[1], b, RouteStatus.PLANNED, at(d1, "05:00"), at(d1, "09:00"), 10, 3000,
						List.of(stop(p + 4, d1, "08:00", 5, 0, 4), stop(p + 5, d1, "08:00", 0, 1, 1))),
				// planned but never left: not counted
				new NewRoute(3, vehicles[2], a, RouteStatus.PLANNED, at(d1, "05:00"), at(d1, "09:00"), 99, 9999,
						List.of(stop(p + 6, d1, "08:00", 9, 0, 9)))),
				10, now);
		var routes1 = plans.routes(plan1);
		dispatch(routes1.get(0).id(), at(d1, "05:00"), true);
		dispatch(routes1.get(1).id(), at(d1, "05:00"), true);
		var s1 = plans.stopsOfRoute(routes1.get(0).id());
		arrive(s1.get(0), at(d1, "06:50"));
		arrive(s1.get(1), at(d1, "07:42"));
		plans.move(s1.get(2), StopStatus.SKIPPED, "道路封闭", at(d1, "07:50"));
		var s2 = plans.stopsOfRoute(routes1.get(1).id());
		arrive(s2.get(0), at(d1, "08:00"));
		arrive(s2.get(1), at(d1, "07:10"));

		long plan2 = plans.start(p + 100, net.regionId(), grid, d2, 1000, null, now);
		plans.finish(plan2, List.of(new NewRoute(1, vehicles[0], b, RouteStatus.PLANNED, at(d2, "05:00"), at(d2, "09:00"),
				15, 4000, List.of(stop(p + 7, d2, "07:00", 4, 0, 6), stop(p + 8, d2, "08:00", 2, 0, 2)))), 10, now);
		long route3 = plans.routes(plan2).get(0).id();
		dispatch(route3, at(d2, "05:00"), false);
		arrive(plans.stopsOfRoute(route3).get(0), at(d2, "07:20"));

		String query = "/api/admin/logistics/performance?gridWarehouseId=" + grid + "&from=" + d1 + "&to=" + d2;
		var response = operator.get(query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode perf = response.json();
		// total: stops on time s1,s4,s5; late s2 (12 min), s6 (20 min); skipped s3; pending s7
		figures(perf.get("total"), 3, 7, 3, 2, 1, 1, "50.0", "16.0", "45.50", 12000, 20, 23, 600L, 522L);
		assertThat(perf.get("routes")).hasSize(3);
		figures(perf.get("routes").get(0).get("figures"), 1, 3, 1, 1, 1, 0, "33.3", "12.0", "20.50", 5000, 8, 10, 625L, 500L);

		Map<String, JsonNode> drivers = new HashMap<>();
		perf.get("drivers").forEach(d -> drivers.put(d.get("name").asText(), d.get("figures")));
		figures(drivers.get(nameA), 1, 3, 1, 1, 1, 0, "33.3", "12.0", "20.50", 5000, 8, 10, 625L, 500L);
		figures(drivers.get(nameB), 2, 4, 2, 1, 0, 1, "66.7", "20.0", "25.00", 7000, 12, 13, 583L, 538L);
		assertThat(perf.get("warehouses")).hasSize(1);
		assertThat(perf.get("warehouses").get(0).get("gridWarehouseId").asLong()).isEqualTo(grid);

		var days = perf.get("days");
		assertThat(days).hasSize(2);
		assertThat(days.get(0).get("date").asText()).isEqualTo(d1.toString());
		figures(days.get(0).get("figures"), 2, 5, 3, 1, 1, 0, "60.0", "12.0", "30.50", 8000, 14, 15, 571L, 533L);
		List<String> late1 = new ArrayList<>();
		days.get(0).get("lateStops").forEach(s -> late1.add(s.get("pickupPointName").asText() + ":"
				+ (s.get("skipped").asBoolean() ? "skipped" : s.get("lateMinutes").asInt())));
		assertThat(late1).containsExactlyInAnyOrder("站点" + (p + 2) + ":12", "站点" + (p + 3) + ":skipped");
		figures(days.get(1).get("figures"), 1, 2, 0, 1, 0, 1, "0.0", "20.0", "15.00", 4000, 6, 8, 667L, 500L);
		assertThat(days.get(1).get("lateStops").get(0).get("lateMinutes").asInt()).isEqualTo(20);

		// one day only; the region's figures include the same routes
		var firstDay = operator.get("/api/admin/logistics/performance?gridWarehouseId=" + grid + "&from=" + d1 + "&to=" + d1).json();
		assertThat(firstDay.get("total").get("routes").asInt()).isEqualTo(2);
		// the Excel daily report
		var excel = operator.get("/api/admin/logistics/performance/daily.xlsx?gridWarehouseId=" + grid + "&from=" + d1 + "&to=" + d2);
		assertThat(excel.status()).isEqualTo(200);
		assertThat(excel.contentType()).contains("spreadsheetml");
		assertThat(new String(excel.body(), 0, 2)).isEqualTo("PK");

		// bad input and scoping
		var backwards = operator.get("/api/admin/logistics/performance?gridWarehouseId=" + grid + "&from=" + d2 + "&to=" + d1);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.errorFields()).containsExactly("to");
		assertThat(stranger.get(query).status()).isEqualTo(403);
		assertThat(stranger.get("/api/admin/logistics/performance?regionId=" + net.regionId()).status()).isEqualTo(403);
		var strangersOwn = stranger.get("/api/admin/logistics/performance?from=" + d1 + "&to=" + d2).json();
		perf = strangersOwn;
		for (JsonNode r : perf.get("routes")) {
			assertThat(r.get("gridWarehouseId").asLong()).isNotEqualTo(grid);
		}
	}

	static void figures(JsonNode f, int routes, int stops, int onTime, int late, int skipped, int pending, String percent,
			String delay, String km, long cost, int crates, int orders, Long perCrate, Long perOrder) {
		assertThat(f).as("figures").isNotNull();
		assertThat(f.get("routes").asInt()).as("routes").isEqualTo(routes);
		assertThat(f.get("stops").asInt()).as("stops").isEqualTo(stops);
		assertThat(f.get("onTime").asInt()).as("onTime").isEqualTo(onTime);
		assertThat(f.get("late").asInt()).as("late").isEqualTo(late);
		assertThat(f.get("skipped").asInt()).as("skipped").isEqualTo(skipped);
		assertThat(f.get("pending").asInt()).as("pending").isEqualTo(pending);
		assertThat(f.get("onTimePercent").decimalValue()).as("onTimePercent").isEqualByComparingTo(new BigDecimal(percent));
		assertThat(f.get("averageDelayMinutes").decimalValue()).as("delay").isEqualByComparingTo(new BigDecimal(delay));
		assertThat(f.get("km").decimalValue()).as("km").isEqualByComparingTo(new BigDecimal(km));
		assertThat(f.get("costFen").asLong()).as("cost").isEqualTo(cost);
		assertThat(f.get("crates").asInt()).as("crates").isEqualTo(crates);
		assertThat(f.get("orders").asInt()).as("orders").isEqualTo(orders);
		assertThat(f.get("costPerCrateFen").asLong()).as("per crate").isEqualTo(perCrate);
		assertThat(f.get("costPerOrderFen").asLong()).as("per order").isEqualTo(perOrder);
	}
}
