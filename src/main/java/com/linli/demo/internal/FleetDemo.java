package com.linli.demo.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.linli.demo.CityGenerator;
import com.linli.demo.DemoSettings;
import com.linli.demo.LoadedCity;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.logistics.Driver;
import com.linli.logistics.FleetManagement;
import com.linli.logistics.NewDriver;
import com.linli.logistics.NewVehicle;
import com.linli.logistics.Vehicle;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.Warehouse;
import com.linli.shared.BusinessRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Gives every grid warehouse of the demo city a fleet through the logistics module's public API: 3 to 8 vehicles
 * (ambient vans, refrigerated trucks with chilled and frozen compartments, a small electric van), costs in fen as a
 * Chinese city's (a van about ¥1.8 per km, ¥40 an hour, ¥80 a morning), a driver account per vehicle (Chinese
 * names, password {@link CityGenerator#DEMO_PASSWORD}), the demo DRIVER login driving the first vehicle of the
 * first region's first grid warehouse, this week's shifts (one vehicle off on Sunday, one leaving later on
 * Saturday) and a few pickup points with narrower delivery windows. Vehicles already there (a later start) are
 * left alone.
 */
@Component
class FleetDemo {

	private static final Logger log = LoggerFactory.getLogger(FleetDemo.class);

	private static final Actor DEMO = Actor.system("demo");

	/** Plate prefixes of the demo's cities (province abbreviation and city letter); others get 鄂A. */
	private static final Map<String, String> PLATES = Map.ofEntries(Map.entry("武汉", "鄂A"), Map.entry("北京", "京A"),
			Map.entry("上海", "沪A"), Map.entry("广州", "粤A"), Map.entry("深圳", "粤B"), Map.entry("杭州", "浙A"),
			Map.entry("南京", "苏A"), Map.entry("成都", "川A"), Map.entry("重庆", "渝A"), Map.entry("西安", "陕A"),
			Map.entry("长沙", "湘A"), Map.entry("苏州", "苏E"), Map.entry("天津", "津A"));

	/** A kind of vehicle: its name, compartments, weight and costs. */
	record Kind(String name, int ambient, int chilled, int frozen, int maxKg, long perKmFen, long perHourFen, long fixedFen) {
	}

	static final List<Kind> KINDS = List.of(
			new Kind("冷藏厢式货车", 12, 30, 12, 2000, 260, 5000, 15000),
			new Kind("厢式面包车", 40, 0, 0, 1200, 180, 4000, 8000),
			new Kind("冷链轻卡", 16, 24, 16, 3000, 320, 5500, 18000),
			new Kind("电动物流车", 24, 8, 0, 800, 90, 3500, 6000));

	private final FleetManagement fleet;

	private final RegionManagement regions;

	private final PickupPointManagement pickupPoints;

	private final AccountManagement accounts;

	FleetDemo(FleetManagement fleet, RegionManagement regions, PickupPointManagement pickupPoints,
			AccountManagement accounts) {
		this.fleet = fleet;
		this.regions = regions;
		this.pickupPoints = pickupPoints;
		this.accounts = accounts;
	}

	/** Seeds every region of the city; answers how many vehicles it added. */
	int seed(LoadedCity city, DemoSettings settings, LocalDate today) {
		Random random = Seeds.stream(settings.seed(), "fleet", 0);
		int added = 0;
		int phone = 0;
		boolean demoDriverPlaced = false;
		for (int r = 0; r < city.regions().size(); r++) {
			RegionId region = city.regions().get(r);
			String prefix = PLATES.entrySet().stream().filter(e -> regions.getRegion(region).name().startsWith(e.getKey()))
				.map(Map.Entry::getValue).findFirst().orElse("鄂A");
			List<Warehouse> grids = fleet.gridWarehouses(DEMO, region.value());
			List<PickupPoint> points = pickupPoints.pickupPoints(region);
			for (int g = 0; g < grids.size(); g++) {
				Warehouse grid = grids.get(g);
				if (!fleet.vehicles(DEMO, grid.id().value()).isEmpty()) {
					continue;
				}
				// about one vehicle per six pickup points (a van serves six to ten stops in the 05:00–08:00 window)
				int count = 3 + (int) (points.stream().filter(p -> p.gridWarehouseId().equals(grid.id())).count() / 6);
				count = Math.min(8, count);
				for (int v = 0; v < count; v++) {
					Kind kind = KINDS.get(v % KINDS.size());
					Driver driver;
					if (!demoDriverPlaced) {
						driver = demoDriver(settings, region, grid);
						demoDriverPlaced = driver != null;
					}
					else {
						driver = null;
					}
					if (driver == null) {
						String number;
						do {
							number = String.format("1380001%04d", phone++);
						}
						while (accounts.findByPhone(number).isPresent());
						driver = fleet.createDriver(DEMO, new NewDriver(region.value(), grid.id().value(), number,
								ChineseNames.person(random), CityGenerator.DEMO_PASSWORD));
					}
					String plate = prefix + "D" + String.format("%05d", (12345 + r * 2000 + g * 100 + v * 7) % 100_000);
					try {
						fleet.createVehicle(DEMO, new NewVehicle(grid.id().value(), plate, kind.name() + (v + 1) + "号",
								kind.ambient(), kind.chilled(), kind.frozen(), kind.maxKg(), kind.perKmFen(), kind.perHourFen(),
								kind.fixedFen(), driver.accountId(), LocalTime.of(4, 55).plusMinutes(5L * v),
								LocalTime.of(10, 0)));
						added++;
					}
					catch (BusinessRuleException e) {
						log.info("Demo fleet: vehicle {} left out ({})", plate, e.getMessage());
					}
				}
				shifts(grid, today);
				windows(points, grid);
			}
		}
		log.info("Demo fleet: {} vehicles with their drivers", added);
		return added;
	}

	/** The demo DRIVER login drives the first vehicle of the first grid warehouse (if it exists and is not enrolled). */
	private Driver demoDriver(DemoSettings settings, RegionId region, Warehouse grid) {
		var account = accounts.findByPhone(settings.loginPhone(6));
		if (account.isEmpty()) {
			return null;
		}
		try {
			return fleet.enrolDriver(DEMO, account.get().id().value(), region.value(), grid.id().value());
		}
		catch (BusinessRuleException e) {
			return null;
		}
	}

	/** This week: the last vehicle is off on Sunday, the first leaves an hour later on Saturday. */
	private void shifts(Warehouse grid, LocalDate today) {
		List<Vehicle> vehicles = fleet.vehicles(DEMO, grid.id().value());
		if (vehicles.size() < 2) {
			return;
		}
		LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		Vehicle last = vehicles.get(vehicles.size() - 1);
		fleet.setShift(DEMO, last.id(), sunday, null, null, null, false);
		Vehicle first = vehicles.get(0);
		fleet.setShift(DEMO, first.id(), sunday.minusDays(1), null, first.shiftStart().plusHours(1), first.latestReturn(),
				true);
	}

	/** Three pickup points of the grid warehouse want their goods earlier or in a narrower window. */
	private void windows(List<PickupPoint> points, Warehouse grid) {
		List<PickupPoint> served = points.stream().filter(p -> p.active() && p.gridWarehouseId().equals(grid.id())).toList();
		LocalTime[][] windows = { { LocalTime.of(5, 30), LocalTime.of(7, 0) }, { LocalTime.of(6, 0), LocalTime.of(7, 30) },
				{ LocalTime.of(5, 0), LocalTime.of(6, 30) } };
		int[] service = { 10, 15, 8 };
		for (int i = 0; i < Math.min(3, served.size()); i++) {
			fleet.setDropWindow(DEMO, served.get(i).id().value(), windows[i][0], windows[i][1], service[i]);
		}
	}
}
