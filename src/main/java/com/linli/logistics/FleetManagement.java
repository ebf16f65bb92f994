package com.linli.logistics;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.logistics.internal.fleet.FleetRecords;
import com.linli.logistics.internal.fleet.FleetRecords.VehicleRow;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.shared.ActedBy;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the fleet (issue 14): the vehicles of each grid warehouse, the drivers of a region, the
 * vehicles' shifts, the pickup points' delivery windows and the SKUs' packing. Operators change their
 * regions' fleet (admins every region's), warehouse staff read it. Route planning reads the vehicles
 * available on a date, the windows and the packing from here.
 */
@Service
@Transactional(readOnly = true)
public class FleetManagement {

	static final LocalTime DEFAULT_SHIFT_START = LocalTime.of(4, 30);

	static final LocalTime DEFAULT_LATEST_RETURN = LocalTime.of(10, 0);

	private final FleetRecords records;

	private final WarehouseManagement warehouses;

	private final PickupPointManagement pickupPoints;

	private final AccountManagement accounts;

	private final SkuManagement skus;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FleetManagement(FleetRecords records, WarehouseManagement warehouses, PickupPointManagement pickupPoints,
			AccountManagement accounts, SkuManagement skus, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.warehouses = warehouses;
		this.pickupPoints = pickupPoints;
		this.accounts = accounts;
		this.skus = skus;
		this.events = events;
		this.clock = clock;
	}

	// ---- vehicles ----------------------------------------------------------------------------------------

	@Transactional
	public Vehicle createVehicle(Actor actor, NewVehicle v) {
		Warehouse grid = gridWarehouse(v.gridWarehouseId());
		actor.checkManagesRegion(grid.regionId().value());
		VehicleRow row = validate(grid, v, null);
		long id;
		try {
			id = records.insertVehicle(row);
		}
		catch (DuplicateKeyException e) {
			throw plateTaken(row.plate());
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "logistics.vehicle.create", "vehicle:" + id,
				row.plate() + " grid:" + grid.id()));
		return records.vehicle(id).orElseThrow();
	}

	/** Saves a vehicle's new state read at {@code version}; 409 when somebody changed it since. */
	@Transactional
	public Vehicle updateVehicle(Actor actor, long vehicleId, int version, NewVehicle v, boolean active) {
		Vehicle current = vehicle(actor, vehicleId);
		actor.checkManagesRegion(current.regionId());
		Warehouse grid = gridWarehouse(v.gridWarehouseId());
		if (grid.regionId().value() != current.regionId()) {
			throw new InvalidInputException("gridWarehouseId", Text.of("logistics.problem.fleetWarehouseOtherRegion"));
		}
		VehicleRow row = validate(grid, v, vehicleId);
		boolean saved;
		try {
			saved = records.updateVehicle(vehicleId, version, row, active);
		}
		catch (DuplicateKeyException e) {
			throw plateTaken(row.plate());
		}
		if (!saved) {
			throw changed(current);
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "logistics.vehicle.update", "vehicle:" + vehicleId,
				row.plate() + " active=" + active));
		return records.vehicle(vehicleId).orElseThrow();
	}

	/** Takes a vehicle out of service (or back in): route planning no longer uses it. */
	@Transactional
	public Vehicle setVehicleActive(Actor actor, long vehicleId, int version, boolean active) {
		Vehicle current = vehicle(actor, vehicleId);
		actor.checkManagesRegion(current.regionId());
		if (!records.setVehicleActive(vehicleId, version, active)) {
			throw changed(current);
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "logistics.vehicle." + (active ? "activate" : "deactivate"),
				"vehicle:" + vehicleId, current.plate()));
		return records.vehicle(vehicleId).orElseThrow();
	}

	/** A vehicle of the actor's regions (404 when unknown, 403 for another region's). */
	public Vehicle vehicle(Actor actor, long vehicleId) {
		Vehicle v = records.vehicle(vehicleId).orElseThrow(() -> new NotFoundException("vehicle", vehicleId));
		actor.checkRegion(v.regionId());
		return v;
	}

	/** The vehicles of a grid warehouse the actor works in, active ones first; without one, of all the actor's regions. */
	public List<Vehicle> vehicles(Actor actor, Long gridWarehouseId) {
		if (gridWarehouseId == null) {
			return records.vehiclesOfRegions(actor.regionFilter(null).idsOrNull());
		}
		Warehouse grid = warehouses.getWarehouse(new WarehouseId(gridWarehouseId));
		actor.checkRegion(grid.regionId().value());
		return records.vehiclesOf(gridWarehouseId, false);
	}

	/** The active vehicles of a grid warehouse with their shift on a date, leaving out those off that day (planning). */
	public List<VehicleOnDuty> vehiclesOnDuty(long gridWarehouseId, LocalDate date) {
		List<Vehicle> active = records.vehiclesOf(gridWarehouseId, true);
		Map<Long, Map<LocalDate, Shift>> entered = records.shifts(active.stream().map(Vehicle::id).toList(), date, date);
		List<VehicleOnDuty> onDuty = new ArrayList<>();
		for (Vehicle v : active) {
			Shift shift = shiftOf(v, date, entered.getOrDefault(v.id(), Map.of()));
			if (shift.available()) {
				onDuty.add(new VehicleOnDuty(v, shift));
			}
		}
		return onDuty;
	}

	/** A vehicle with its shift of one date. */
	public record VehicleOnDuty(Vehicle vehicle, Shift shift) {
	}

	private VehicleRow validate(Warehouse grid, NewVehicle v, Long vehicleId) {
		String plate = required("plate", v.plate()).trim().toUpperCase();
		if (plate.isEmpty() || plate.length() > 16) {
			throw new InvalidInputException("plate", Text.of("logistics.problem.fleetPlate"));
		}
		String name = required("name", v.name()).trim();
		if (name.isEmpty() || name.length() > 60) {
			throw new InvalidInputException("name", Text.of("logistics.problem.fleetName"));
		}
		int ambient = notNegative("ambientCrates", v.ambientCrates());
		int chilled = notNegative("chilledCrates", v.chilledCrates());
		int frozen = notNegative("frozenCrates", v.frozenCrates());
		if (ambient + chilled + frozen == 0) {
			throw new InvalidInputException("compartments", Text.of("logistics.problem.fleetNoCompartment"));
		}
		int maxKg = notNegative("maxKg", v.maxKg());
		if (maxKg == 0) {
			throw new InvalidInputException("maxKg", Text.of("logistics.problem.fleetNotNegative"));
		}
		long perKm = notNegative("costPerKmFen", v.costPerKmFen());
		long perHour = notNegative("costPerHourFen", v.costPerHourFen());
		long fixed = notNegative("fixedCostFen", v.fixedCostFen());
		LocalTime start = v.shiftStart() == null ? DEFAULT_SHIFT_START : v.shiftStart();
		LocalTime back = v.latestReturn() == null ? DEFAULT_LATEST_RETURN : v.latestReturn();
		if (!back.isAfter(start)) {
			throw new InvalidInputException("latestReturn", Text.of("logistics.problem.fleetShiftEndBeforeStart"));
		}
		if (v.driverAccountId() != null) {
			checkDriver("driverAccountId", v.driverAccountId(), grid.regionId().value());
		}
		if (records.plateTaken(plate, vehicleId)) {
			throw plateTaken(plate);
		}
		return new VehicleRow(grid.regionId().value(), grid.id().value(), plate, name, ambient, chilled, frozen, maxKg,
				perKm, perHour, fixed, v.driverAccountId(), start, back);
	}

	private Warehouse gridWarehouse(Long id) {
		if (id == null) {
			throw new InvalidInputException("gridWarehouseId", Text.of("logistics.problem.fleetRequired"));
		}
		Warehouse w;
		try {
			w = warehouses.getWarehouse(new WarehouseId(id));
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("gridWarehouseId", Text.of("logistics.problem.fleetNotGrid"));
		}
		if (w.kind() != WarehouseKind.GRID) {
			throw new InvalidInputException("gridWarehouseId", Text.of("logistics.problem.fleetNotGrid"));
		}
		return w;
	}

	/** 400 unless the account is a driver (DRIVER role) who is not another region's. */
	private void checkDriver(String field, long accountId, long regionId) {
		Account account;
		try {
			account = accounts.get(new AccountId(accountId));
		}
		catch (NotFoundException e) {
			throw new InvalidInputException(field, Text.of("logistics.problem.fleetNotDriver"));
		}
		if (!account.hasRole(Role.DRIVER) || !account.enabled()) {
			throw new InvalidInputException(field, Text.of("logistics.problem.fleetNotDriver"));
		}
		var driver = records.driver(accountId);
		if (driver.isPresent() && (driver.get().regionId() != regionId || !driver.get().active())) {
			throw new InvalidInputException(field, Text.of("logistics.problem.fleetDriverOtherRegion"));
		}
	}

	private static BusinessRuleException plateTaken(String plate) {
		return new BusinessRuleException("plate-taken", "plate", Text.of("logistics.problem.fleetPlateTaken", plate));
	}

	private static BusinessRuleException changed(Vehicle v) {
		return new BusinessRuleException("changed-concurrently", Text.of("logistics.problem.fleetVehicleChanged", v.plate()));
	}

	private static <T> T required(String field, T value) {
		if (value == null) {
			throw new InvalidInputException(field, Text.of("logistics.problem.fleetRequired"));
		}
		return value;
	}

	private static int notNegative(String field, Integer value) {
		if (required(field, value) < 0) {
			throw new InvalidInputException(field, Text.of("logistics.problem.fleetNotNegative"));
		}
		return value;
	}

	private static long notNegative(String field, Long value) {
		if (required(field, value) < 0) {
			throw new InvalidInputException(field, Text.of("logistics.problem.fleetNotNegative"));
		}
		return value;
	}

	// ---- drivers -----------------------------------------------------------------------------------------

	/** Opens a driver account (DRIVER role) in a region the actor manages. */
	@Transactional
	public Driver createDriver(Actor actor, NewDriver d) {
		long regionId = required("regionId", d.regionId());
		actor.checkManagesRegion(regionId);
		if (d.gridWarehouseId() != null) {
			Warehouse grid = gridWarehouse(d.gridWarehouseId());
			if (grid.regionId().value() != regionId) {
				throw new InvalidInputException("gridWarehouseId", Text.of("logistics.problem.fleetWarehouseOtherRegion"));
			}
		}
		String phone = required("phone", d.phone()).trim();
		if (!phone.matches("1\\d{10}")) {
			throw new InvalidInputException("phone", Text.of("logistics.problem.fleetPhone"));
		}
		String name = required("name", d.name()).trim();
		if (name.isEmpty() || name.length() > 40) {
			throw new InvalidInputException("name", Text.of("logistics.problem.fleetName"));
		}
		Account account = accounts.create(new NewAccount(phone, name, d.password(), Set.of(Role.DRIVER), Set.of()));
		records.insertDriver(account.id().value(), regionId, d.gridWarehouseId(), clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "logistics.driver.create", "account:" + account.id(),
				name + " region:" + regionId));
		return driver(actor, account.id().value());
	}

	/**
	 * Enrols an existing DRIVER account (opened on the accounts page, or the demo's driver login) as a driver of a
	 * region; 400 naming {@code accountId} unless it holds the DRIVER role, 409 if it is a driver already.
	 */
	@Transactional
	public Driver enrolDriver(Actor actor, long accountId, long regionId, Long gridWarehouseId) {
		actor.checkManagesRegion(regionId);
		Account account;
		try {
			account = accounts.get(new AccountId(accountId));
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("accountId", Text.of("logistics.problem.fleetNotDriver"));
		}
		if (!account.hasRole(Role.DRIVER)) {
			throw new InvalidInputException("accountId", Text.of("logistics.problem.fleetNotDriver"));
		}
		if (gridWarehouseId != null && gridWarehouse(gridWarehouseId).regionId().value() != regionId) {
			throw new InvalidInputException("gridWarehouseId", Text.of("logistics.problem.fleetWarehouseOtherRegion"));
		}
		if (records.driver(accountId).isPresent()) {
			throw new BusinessRuleException("driver-enrolled", "accountId", Text.of("logistics.problem.fleetDriverEnrolled"));
		}
		records.insertDriver(accountId, regionId, gridWarehouseId, clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "logistics.driver.enrol", "account:" + accountId,
				account.displayName() + " region:" + regionId));
		return driver(actor, accountId);
	}

	/** A driver leaves: their account is disabled and they are taken off their vehicles. */
	@Transactional
	public Driver deactivateDriver(Actor actor, long accountId) {
		Driver d = driver(actor, accountId);
		actor.checkManagesRegion(d.regionId());
		Account account = accounts.get(new AccountId(accountId));
		accounts.update(account.id(), account.displayName(), account.roles(), account.regionIds(), false, actor);
		records.setDriverActive(accountId, false);
		records.unassignDriver(accountId);
		events.publishEvent(new AdminChange(actor.actedBy(), "logistics.driver.deactivate", "account:" + accountId, d.name()));
		return driver(actor, accountId);
	}

	public Driver driver(Actor actor, long accountId) {
		var row = records.driver(accountId).orElseThrow(() -> new NotFoundException("driver", accountId));
		actor.checkRegion(row.regionId());
		return drivers(List.of(row), records.vehiclesOfRegion(row.regionId())).get(0);
	}

	/** The drivers of a region the actor works in (without one, of all the actor's regions), with their vehicle. */
	public List<Driver> drivers(Actor actor, Long regionId) {
		Set<Long> regions = actor.regionFilter(regionId).idsOrNull();
		return drivers(records.driversOf(regions), records.vehiclesOfRegions(regions));
	}

	private List<Driver> drivers(List<FleetRecords.DriverRow> rows, List<Vehicle> vehicles) {
		Map<Long, Vehicle> byDriver = new HashMap<>();
		for (Vehicle v : vehicles) {
			if (v.driverAccountId() != null && v.active()) {
				byDriver.putIfAbsent(v.driverAccountId(), v);
			}
		}
		Map<Long, Account> accountsById = accounts.getAll(rows.stream().map(r -> new AccountId(r.accountId())).toList())
			.stream().collect(Collectors.toMap(a -> a.id().value(), a -> a));
		List<Driver> result = new ArrayList<>();
		for (var row : rows) {
			Account a = accountsById.get(row.accountId());
			Vehicle v = byDriver.get(row.accountId());
			result.add(new Driver(row.accountId(), row.regionId(), row.gridWarehouseId(), a == null ? "?" : a.displayName(),
					a == null ? "" : a.phone(), row.active(), v == null ? null : v.id(), v == null ? null : v.plate()));
		}
		return result;
	}

	// ---- shifts ------------------------------------------------------------------------------------------

	/** The shifts of a grid warehouse's active vehicles in the week (Monday to Sunday) of a date. */
	public ShiftWeek shiftWeek(Actor actor, long gridWarehouseId, LocalDate anyDay) {
		Warehouse grid = warehouses.getWarehouse(new WarehouseId(gridWarehouseId));
		actor.checkRegion(grid.regionId().value());
		LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<LocalDate> days = monday.datesUntil(monday.plusDays(7)).toList();
		List<Vehicle> vehicles = records.vehiclesOf(gridWarehouseId, true);
		Map<Long, Map<LocalDate, Shift>> entered = records.shifts(vehicles.stream().map(Vehicle::id).toList(), monday,
				monday.plusDays(6));
		List<ShiftWeek.Row> rows = new ArrayList<>();
		for (Vehicle v : vehicles) {
			rows.add(new ShiftWeek.Row(v, days.stream().map(d -> shiftOf(v, d, entered.getOrDefault(v.id(), Map.of()))).toList()));
		}
		return new ShiftWeek(gridWarehouseId, monday, days, rows);
	}

	/** Enters a vehicle's shift of a date (another driver or other hours, or off that day). */
	@Transactional
	public Shift setShift(Actor actor, long vehicleId, LocalDate date, Long driverAccountId, LocalTime startsAt,
			LocalTime latestReturn, boolean available) {
		Vehicle v = vehicle(actor, vehicleId);
		actor.checkManagesRegion(v.regionId());
		required("date", date);
		LocalTime start = startsAt == null ? v.shiftStart() : startsAt;
		LocalTime back = latestReturn == null ? v.latestReturn() : latestReturn;
		if (!back.isAfter(start)) {
			throw new InvalidInputException("latestReturn", Text.of("logistics.problem.fleetShiftEndBeforeStart"));
		}
		if (driverAccountId != null) {
			checkDriver("driverAccountId", driverAccountId, v.regionId());
		}
		records.saveShift(vehicleId, date, driverAccountId, start, back, available);
		events.publishEvent(new AdminChange(actor.actedBy(), "logistics.shift.set", "vehicle:" + vehicleId,
				date + " " + (available ? start + "-" + back : "off")));
		return shift(vehicleId, date, v);
	}

	/** Forgets a date's entered shift: the vehicle's usual one applies again. */
	@Transactional
	public Shift clearShift(Actor actor, long vehicleId, LocalDate date) {
		Vehicle v = vehicle(actor, vehicleId);
		actor.checkManagesRegion(v.regionId());
		records.deleteShift(vehicleId, required("date", date));
		return shift(vehicleId, date, v);
	}

	private Shift shift(long vehicleId, LocalDate date, Vehicle v) {
		return shiftOf(v, date, records.shifts(List.of(vehicleId), date, date).getOrDefault(vehicleId, Map.of()));
	}

	private static Shift shiftOf(Vehicle v, LocalDate date, Map<LocalDate, Shift> entered) {
		Shift s = entered.get(date);
		if (s != null) {
			return s.driverAccountId() == null ? new Shift(s.vehicleId(), s.date(), v.driverAccountId(), s.startsAt(),
					s.latestReturn(), s.available(), true) : s;
		}
		return new Shift(v.id(), date, v.driverAccountId(), v.shiftStart(), v.latestReturn(), true, false);
	}

	// ---- delivery windows --------------------------------------------------------------------------------

	/** The delivery windows of a grid warehouse's open pickup points (default ones included), by name. */
	public List<DropWindow> dropWindows(Actor actor, long gridWarehouseId) {
		Warehouse grid = warehouses.getWarehouse(new WarehouseId(gridWarehouseId));
		actor.checkRegion(grid.regionId().value());
		List<PickupPoint> points = pickupPoints.pickupPoints(grid.regionId()).stream()
			.filter(p -> p.active() && p.gridWarehouseId().value() == gridWarehouseId)
			.sorted(Comparator.comparing(PickupPoint::name)).toList();
		return windows(points);
	}

	/** The delivery window of each pickup point (default when none was entered), for route planning. */
	public List<DropWindow> windows(List<PickupPoint> points) {
		var entered = records.windows(points.stream().map(p -> p.id().value()).toList());
		return points.stream().map(p -> {
			var w = entered.get(p.id().value());
			return w == null
					? new DropWindow(p.id().value(), p.name(), p.gridWarehouseId().value(), DropWindow.DEFAULT_START,
							DropWindow.DEFAULT_END, DropWindow.DEFAULT_SERVICE_MINUTES, false)
					: new DropWindow(p.id().value(), p.name(), p.gridWarehouseId().value(), w.windowStart(), w.windowEnd(),
							w.serviceMinutes(), true);
		}).toList();
	}

	public DropWindow dropWindow(Actor actor, long pickupPointId) {
		PickupPoint p = pickupPoints.getPickupPoint(new PickupPointId(pickupPointId));
		actor.checkRegion(p.regionId().value());
		return windows(List.of(p)).get(0);
	}

	/** Sets a pickup point's delivery window and service time. */
	@Transactional
	public DropWindow setDropWindow(Actor actor, long pickupPointId, LocalTime start, LocalTime end, Integer serviceMinutes) {
		PickupPoint p = pickupPoints.getPickupPoint(new PickupPointId(pickupPointId));
		actor.checkManagesRegion(p.regionId().value());
		required("windowStart", start);
		required("windowEnd", end);
		if (!end.isAfter(start)) {
			throw new InvalidInputException("windowEnd", Text.of("logistics.problem.fleetWindowEndBeforeStart"));
		}
		int service = required("serviceMinutes", serviceMinutes);
		if (service < 0 || service > 120) {
			throw new InvalidInputException("serviceMinutes", Text.of("logistics.problem.fleetServiceMinutes"));
		}
		records.saveWindow(pickupPointId, start, end, service);
		events.publishEvent(new AdminChange(actor.actedBy(), "logistics.window.set", "pickup-point:" + pickupPointId,
				start + "-" + end + " " + service + "min"));
		return windows(List.of(p)).get(0);
	}

	/** Back to the default window (05:00–08:00, 10 minutes). */
	@Transactional
	public DropWindow resetDropWindow(Actor actor, long pickupPointId) {
		PickupPoint p = pickupPoints.getPickupPoint(new PickupPointId(pickupPointId));
		actor.checkManagesRegion(p.regionId().value());
		records.deleteWindow(pickupPointId);
		events.publishEvent(new AdminChange(actor.actedBy(), "logistics.window.reset", "pickup-point:" + pickupPointId, null));
		return windows(List.of(p)).get(0);
	}

	// ---- packing -----------------------------------------------------------------------------------------

	/** A SKU's packing: the entered units per crate, or its zone's default. */
	public SkuPacking packing(long skuId) {
		var sku = skus.getSku(new SkuId(skuId));
		int fallback = SkuPacking.defaultUnitsPerCrate(sku.storage(), sku.weightGrams());
		return records.packing(skuId)
			.map(u -> new SkuPacking(skuId, sku.displayName(), sku.storage(), u, fallback, true))
			.orElse(new SkuPacking(skuId, sku.displayName(), sku.storage(), fallback, fallback, false));
	}

	/** Every SKU whose packing was entered. */
	public List<SkuPacking> packings() {
		return records.packings().keySet().stream().sorted().map(this::packing).toList();
	}

	/** Units per crate of every SKU asked (entered or default), for the loads of a plan. */
	public Map<Long, Integer> unitsPerCrate(java.util.Collection<Long> skuIds) {
		Map<Long, Integer> entered = records.packings();
		Map<Long, Integer> units = new HashMap<>();
		for (long id : skuIds) {
			if (entered.containsKey(id)) {
				units.put(id, entered.get(id));
			}
			else {
				var sku = skus.getSku(new SkuId(id));
				units.put(id, SkuPacking.defaultUnitsPerCrate(sku.storage(), sku.weightGrams()));
			}
		}
		return units;
	}

	/** Staff enter how many units of a SKU fill a crate (the catalog is the platform's: admins and operators). */
	@Transactional
	public SkuPacking setPacking(ActedBy by, long skuId, Integer unitsPerCrate) {
		skus.getSku(new SkuId(skuId));
		int units = required("unitsPerCrate", unitsPerCrate);
		if (units <= 0 || units > 10_000) {
			throw new InvalidInputException("unitsPerCrate", Text.of("logistics.problem.fleetUnitsPerCrate"));
		}
		records.savePacking(skuId, units);
		events.publishEvent(new AdminChange(by, "logistics.packing.set", "sku:" + skuId, Integer.toString(units)));
		return packing(skuId);
	}

	@Transactional
	public SkuPacking resetPacking(ActedBy by, long skuId) {
		skus.getSku(new SkuId(skuId));
		records.deletePacking(skuId);
		events.publishEvent(new AdminChange(by, "logistics.packing.reset", "sku:" + skuId, null));
		return packing(skuId);
	}

	/** The grid warehouses of a region (for pickers). */
	public List<Warehouse> gridWarehouses(Actor actor, long regionId) {
		actor.checkRegion(regionId);
		return warehouses.warehouses(new RegionId(regionId)).stream()
			.filter(w -> w.kind() == WarehouseKind.GRID && w.active()).toList();
	}
}
