package com.linli.logistics.internal.fleet.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.logistics.Driver;
import com.linli.logistics.DropWindow;
import com.linli.logistics.FleetManagement;
import com.linli.logistics.NewDriver;
import com.linli.logistics.NewVehicle;
import com.linli.logistics.Shift;
import com.linli.logistics.ShiftWeek;
import com.linli.logistics.SkuPacking;
import com.linli.logistics.Vehicle;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fleet of the caller's regions: vehicles, drivers, shifts, pickup points' delivery windows and SKU packing.
 * Operators change their regions' (admins every region's), warehouse staff read them. The bodies are checked by
 * the service, which names the field of any bad input (400) and changes nothing.
 */
@RestController
@RequestMapping("/api/admin/logistics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "logistics: fleet", description = "Vehicles, drivers, shifts, delivery windows and packing (车队)")
class FleetRestController {

	private final FleetManagement fleet;

	FleetRestController(FleetManagement fleet) {
		this.fleet = fleet;
	}

	// ---- vehicles ----

	@GetMapping("/vehicles")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
	@Operation(summary = "Vehicles of a grid warehouse (or of every grid warehouse of the caller's regions)")
	List<Vehicle> vehicles(Actor actor, @RequestParam(required = false) Long gridWarehouseId) {
		return fleet.vehicles(actor, gridWarehouseId);
	}

	@GetMapping("/vehicles/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
	@Operation(summary = "One vehicle")
	Vehicle vehicle(Actor actor, @PathVariable long id) {
		return fleet.vehicle(actor, id);
	}

	@PostMapping("/vehicles")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a vehicle to a grid warehouse: capacity per compartment in crates, max kg, costs in fen, "
			+ "driver, usual shift; a plate already used is a 409")
	Vehicle createVehicle(Actor actor, @RequestBody VehicleRequest request) {
		return fleet.createVehicle(actor, request.toNew());
	}

	@PutMapping("/vehicles/{id}")
	@Operation(summary = "Edit a vehicle read at a version (409 when it changed since)")
	Vehicle updateVehicle(Actor actor, @PathVariable long id, @RequestBody VehicleRequest request) {
		fleet.vehicle(actor, id);
		return fleet.updateVehicle(actor, id, version(request.version()), request.toNew(),
				request.active() == null || request.active());
	}

	@PostMapping("/vehicles/{id}/deactivate")
	@Operation(summary = "Take a vehicle out of service (read at a version)")
	Vehicle deactivateVehicle(Actor actor, @PathVariable long id, @RequestBody(required = false) VersionRequest request) {
		fleet.vehicle(actor, id);
		return fleet.setVehicleActive(actor, id, version(request == null ? null : request.version()), false);
	}

	// ---- drivers ----

	@GetMapping("/drivers")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
	@Operation(summary = "Drivers of a region (or of the caller's regions) with the vehicle each usually drives")
	List<Driver> drivers(Actor actor, @RequestParam(required = false) Long regionId) {
		return fleet.drivers(actor, regionId);
	}

	@GetMapping("/drivers/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
	@Operation(summary = "One driver, by account id")
	Driver driver(Actor actor, @PathVariable long id) {
		return fleet.driver(actor, id);
	}

	@PostMapping("/drivers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open a driver account (DRIVER role) in a region: phone, name, first password; or, with accountId, "
			+ "enrol an existing DRIVER account")
	Driver createDriver(Actor actor, @RequestBody DriverRequest request) {
		if (request.accountId() != null) {
			if (request.regionId() == null) {
				throw new InvalidInputException("regionId", Text.of("logistics.problem.fleetRequired"));
			}
			return fleet.enrolDriver(actor, request.accountId(), request.regionId(), request.gridWarehouseId());
		}
		return fleet.createDriver(actor, new NewDriver(request.regionId(), request.gridWarehouseId(), request.phone(),
				request.name(), request.password()));
	}

	@PostMapping("/drivers/{id}/deactivate")
	@Operation(summary = "A driver leaves: the account is disabled and taken off its vehicles")
	Driver deactivateDriver(Actor actor, @PathVariable long id) {
		return fleet.deactivateDriver(actor, id);
	}

	// ---- shifts ----

	@GetMapping("/shifts")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
	@Operation(summary = "The week (Monday to Sunday) of a date of a grid warehouse's vehicles' shifts")
	ShiftWeek shifts(Actor actor, @RequestParam long gridWarehouseId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
		return fleet.shiftWeek(actor, gridWarehouseId, week);
	}

	@PutMapping("/vehicles/{id}/shifts/{date}")
	@Operation(summary = "A vehicle's shift of a date: driver, start, latest return, or off that day (available false)")
	Shift setShift(Actor actor, @PathVariable long id, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestBody ShiftRequest request) {
		return fleet.setShift(actor, id, date, request.driverAccountId(), request.shiftStart(), request.latestReturn(),
				request.available() == null || request.available());
	}

	@DeleteMapping("/vehicles/{id}/shifts/{date}")
	@Operation(summary = "Forget a date's shift: the vehicle's usual one applies")
	Shift clearShift(Actor actor, @PathVariable long id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return fleet.clearShift(actor, id, date);
	}

	// ---- delivery windows ----

	@GetMapping("/drop-windows")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
	@Operation(summary = "Delivery windows and service times of a grid warehouse's pickup points (default 05:00–08:00, 10 min)")
	List<DropWindow> dropWindows(Actor actor, @RequestParam long gridWarehouseId) {
		return fleet.dropWindows(actor, gridWarehouseId);
	}

	@GetMapping("/drop-windows/{pickupPointId}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
	@Operation(summary = "A pickup point's delivery window")
	DropWindow dropWindow(Actor actor, @PathVariable long pickupPointId) {
		return fleet.dropWindow(actor, pickupPointId);
	}

	@PutMapping("/drop-windows/{pickupPointId}")
	@Operation(summary = "Set a pickup point's delivery window and service time")
	DropWindow setDropWindow(Actor actor, @PathVariable long pickupPointId, @RequestBody WindowRequest request) {
		return fleet.setDropWindow(actor, pickupPointId, request.windowStart(), request.windowEnd(), request.serviceMinutes());
	}

	@DeleteMapping("/drop-windows/{pickupPointId}")
	@Operation(summary = "Back to the default window")
	DropWindow resetDropWindow(Actor actor, @PathVariable long pickupPointId) {
		return fleet.resetDropWindow(actor, pickupPointId);
	}

	// ---- packing ----

	@GetMapping("/packing")
	@Operation(summary = "SKUs whose units per crate were entered (others use their temperature zone's default)")
	List<SkuPacking> packings() {
		return fleet.packings();
	}

	@GetMapping("/packing/{skuId}")
	@Operation(summary = "A SKU's units per crate: entered, or its zone's default (ambient 20, chilled 12, frozen 10)")
	SkuPacking packing(@PathVariable long skuId) {
		return fleet.packing(skuId);
	}

	@PutMapping("/packing/{skuId}")
	@Operation(summary = "Set how many units of a SKU fill a crate")
	SkuPacking setPacking(Actor actor, @PathVariable long skuId, @RequestBody PackingRequest request) {
		return fleet.setPacking(actor.actedBy(), skuId, request.unitsPerCrate());
	}

	@DeleteMapping("/packing/{skuId}")
	@Operation(summary = "Back to the zone's default units per crate")
	SkuPacking resetPacking(Actor actor, @PathVariable long skuId) {
		return fleet.resetPacking(actor.actedBy(), skuId);
	}

	private static int version(Integer version) {
		if (version == null) {
			throw new InvalidInputException("version", Text.of("logistics.problem.fleetRequired"));
		}
		return version;
	}

	record VehicleRequest(Long gridWarehouseId, String plate, String name, Integer ambientCrates, Integer chilledCrates,
			Integer frozenCrates, Integer maxKg, Long costPerKmFen, Long costPerHourFen, Long fixedCostFen,
			Long driverAccountId, LocalTime shiftStart, LocalTime latestReturn, Integer version, Boolean active) {

		NewVehicle toNew() {
			return new NewVehicle(gridWarehouseId, plate, name, ambientCrates, chilledCrates, frozenCrates, maxKg,
					costPerKmFen, costPerHourFen, fixedCostFen, driverAccountId, shiftStart, latestReturn);
		}
	}

	record VersionRequest(Integer version) {
	}

	record DriverRequest(Long accountId, Long regionId, Long gridWarehouseId, String phone, String name, String password) {
	}

	record ShiftRequest(Long driverAccountId, LocalTime shiftStart, LocalTime latestReturn, Boolean available) {
	}

	record WindowRequest(LocalTime windowStart, LocalTime windowEnd, Integer serviceMinutes) {
	}

	record PackingRequest(Integer unitsPerCrate) {
	}
}
