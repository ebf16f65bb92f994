package com.linli.browser;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.logistics.Load;
import com.linli.logistics.RouteStatus;
import com.linli.logistics.StopStatus;
import com.linli.logistics.internal.RoutePlans;
import com.linli.logistics.internal.RoutePlans.NewRoute;
import com.linli.logistics.internal.RoutePlans.NewStop;
import com.linli.network.NetworkFixtures;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An operator builds a grid warehouse's fleet in the console and reads its delivery performance. */
class FleetBrowserTests extends BrowserTest {

	@Autowired
	RoutePlans plans;

	private void shot(String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/FleetBrowserTests-" + name + ".png"))
			.setFullPage(true));
	}

	@Test
	void anOperatorAddsAVehicleAndADriverAndSeesPerformance() {
		var admin = Api.at(port).asAdmin();
		var fixtures = new NetworkFixtures(admin);
		var net = fixtures.network();
		String operatorPhone = Api.newPhone();
		admin.post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName", "运营小周", "password", "secret123",
				"roles", new String[] { "OPERATOR" }, "regionIds", new long[] { net.regionId() }));
		String driverName = "赵师傅" + NetworkFixtures.unique();
		String plate = "鄂A" + NetworkFixtures.unique();

		signIn(operatorPhone, "secret123");
		page.navigate(url("/console/logistics/fleet?regionId=" + net.regionId() + "&gridWarehouseId=" + net.gridId()));
		assertThat(page.locator("nav")).containsText("车队与司机");
		page.fill("#dname", driverName);
		page.fill("#dphone", Api.newPhone());
		page.fill("#dpassword", "driver123");
		page.click("#add-driver-submit");
		assertThat(page.locator("#drivers")).containsText(driverName);

		// a negative capacity is refused, naming the field, and adds nothing
		page.fill("#plate", plate);
		page.fill("#vname", "冷藏厢式货车");
		page.fill("#chilledCrates", "-2");
		page.click("#add-vehicle-submit");
		assertThat(page.locator("#fleet-failure")).containsText("chilledCrates");
		assertThat(page.locator("#vehicles")).not().containsText(plate);

		page.fill("#plate", plate);
		page.fill("#vname", "冷藏厢式货车");
		page.fill("#ambientCrates", "10");
		page.fill("#chilledCrates", "24");
		page.fill("#frozenCrates", "8");
		page.selectOption("#vdriver", new com.microsoft.playwright.options.SelectOption().setLabel(driverName));
		page.click("#add-vehicle-submit");
		assertThat(page.locator("#vehicles")).containsText(plate);
		assertThat(page.locator("#vehicles")).containsText(driverName);
		assertThat(page.locator("#drivers")).containsText(plate);
		assertThat(page.locator("#shift-week")).containsText(plate);
		// edit it: a negative weight is refused naming the field, then the heavier load is saved
		page.click("#vehicles a:has-text('编辑')");
		page.fill("#maxKg", "-1");
		page.click("#save-vehicle");
		assertThat(page.locator("#vehicle-failure")).containsText("maxKg");
		page.fill("#maxKg", "1800");
		page.click("#save-vehicle");
		assertThat(page.locator("#vehicles tr[data-plate='" + plate + "']")).containsText("1800");
		shot("fleet");

		// a morning that ran: two stops, one on time, one 15 minutes late
		long vehicleId = admin.get("/api/admin/logistics/vehicles?gridWarehouseId=" + net.gridId()).json().get(0).get("id").asLong();
		long driverId = admin.get("/api/admin/logistics/drivers?regionId=" + net.regionId()).json().get(0).get("accountId").asLong();
		LocalDate day = LocalDate.of(2026, 11, 20);
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		Instant early = day.atTime(3, 0).atZone(zone).toInstant();
		long runId = 8_000_000_000L + System.nanoTime() % 100_000_000L;
		long planId = plans.start(runId, net.regionId(), net.gridId(), day, 1000, null, early);
		plans.finish(planId, List.of(new NewRoute(1, vehicleId, driverId, RouteStatus.PLANNED, at(day, "05:00"), at(day, "09:00"),
				18.4, 6200, List.of(stop(net.pickupPointId(), day, "07:00", 6), stop(net.pickupPointId() + 900_000_000L, day, "07:30", 4)))),
				10, early);
		var route = plans.routes(planId).get(0);
		plans.move(plans.move(route, RouteStatus.LOCKED, at(day, "04:50")), RouteStatus.DISPATCHED, at(day, "05:00"));
		var stops = plans.stopsOfRoute(route.id());
		plans.move(stops.get(0), StopStatus.ARRIVED, null, at(day, "06:40"));
		plans.move(stops.get(1), StopStatus.ARRIVED, null, at(day, "07:45"));

		page.navigate(url("/console/logistics/performance?regionId=" + net.regionId() + "&from=" + day.minusDays(2) + "&to=" + day));
		assertThat(page.locator("#total-on-time")).hasText("50.0");
		assertThat(page.locator("#total-per-crate")).containsText("6.20");
		assertThat(page.locator("#scorecards")).containsText(driverName);
		assertThat(page.locator("#daily")).containsText("+15min");
		assertThat(page.locator("#on-time-chart canvas")).hasCount(1);
		shot("performance");
	}

	static Instant at(LocalDate day, String time) {
		return day.atTime(LocalTime.parse(time)).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
	}

	static NewStop stop(long pointId, LocalDate day, String windowEnd, int crates) {
		return new NewStop(pointId, "自提点" + pointId % 10_000, "幸福路" + crates + "号", 30.52, 114.35, at(day, "05:00"),
				at(day, windowEnd), 10, at(day, "06:30"), 0, new Load(crates, 0, 0, crates * 8), 3);
	}
}
