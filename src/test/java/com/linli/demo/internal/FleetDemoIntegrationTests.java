package com.linli.demo.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.linli.IntegrationTest;
import com.linli.demo.CityGenerator;
import com.linli.demo.DemoLoader;
import com.linli.demo.DemoSettings;
import com.linli.demo.ListingWindow;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.logistics.DropWindow;
import com.linli.logistics.FleetManagement;
import com.linli.logistics.Vehicle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo city's fleet: every grid warehouse has vans and refrigerated trucks with drivers, shifts and windows. */
@IntegrationTest
class FleetDemoIntegrationTests {

	@Autowired
	DemoLoader loader;

	@Autowired
	FleetDemo demo;

	@Autowired
	FleetManagement fleet;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Clock clock;

	@Test
	void everyGridWarehouseGetsAFleetAndTheDemoDriverDrivesInTheFirst() {
		long unique = System.nanoTime();
		String loginPrefix = "137" + String.format("%06d", (unique / 11) % 1_000_000);
		var settings = new DemoSettings(unique, 1, 6, 60, "F" + (unique % 100_000), loginPrefix);
		var plan = new CityGenerator().generate(settings);
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		var loaded = loader.load(plan, new ListingWindow(ListingWindow.next(zone, clock.instant()).pickupDate(), clock.instant()));
		LocalDate today = LocalDate.now(clock);

		int added = demo.seed(loaded, settings, today);
		assertThat(added).isPositive();
		Actor system = Actor.system("test");
		long region = loaded.regions().get(0).value();
		var grids = fleet.gridWarehouses(system, region);
		assertThat(grids).isNotEmpty();
		int vehicles = 0;
		int servedPoints = 0;
		for (var grid : grids) {
			List<Vehicle> fleetOfGrid = fleet.vehicles(system, grid.id().value());
			assertThat(fleetOfGrid).hasSizeBetween(3, 8);
			assertThat(fleetOfGrid).allMatch(v -> v.driverAccountId() != null);
			assertThat(fleetOfGrid).anyMatch(v -> v.chilledCrates() > 0 && v.frozenCrates() > 0);
			assertThat(fleetOfGrid).anyMatch(v -> !v.refrigerated());
			vehicles += fleetOfGrid.size();
			var week = fleet.shiftWeek(system, grid.id().value(), today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
			assertThat(week.rows().stream().flatMap(r -> r.shifts().stream())).anyMatch(s -> !s.available());
			var windows = fleet.dropWindows(system, grid.id().value());
			assertThat(windows.isEmpty() || windows.stream().anyMatch(DropWindow::custom)).as("narrower windows").isTrue();
			servedPoints += windows.size();
		}
		assertThat(vehicles).isEqualTo(added);
		assertThat(servedPoints).as("pickup points with windows").isPositive();
		long demoDriver = accounts.findByPhone(settings.loginPhone(6)).orElseThrow().id().value();
		var firstGrid = fleet.vehicles(system, grids.get(0).id().value());
		assertThat(firstGrid).anyMatch(v -> Long.valueOf(demoDriver).equals(v.driverAccountId()));
		assertThat(fleet.drivers(system, region)).hasSize(vehicles);
		// a later start leaves the fleet as it is
		assertThat(demo.seed(loaded, settings, today)).isZero();
	}
}
