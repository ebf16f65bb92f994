package com.linli.logistics.internal.fleet.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.linli.identity.Actor;
import com.linli.logistics.Driver;
import com.linli.logistics.FleetManagement;
import com.linli.logistics.NewDriver;
import com.linli.logistics.NewVehicle;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.network.Warehouse;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's fleet pages: vehicles and drivers of a grid warehouse with the week's shifts
 * ({@code /console/logistics/fleet}), and the pickup points' delivery windows with the SKUs' packing
 * ({@code /console/logistics/windows}). Bad input comes back as a message naming the field; nothing changes.
 */
@Controller
class FleetPageController {

	private final FleetManagement fleet;

	private final RegionManagement regions;

	private final Clock clock;

	FleetPageController(FleetManagement fleet, RegionManagement regions, Clock clock) {
		this.fleet = fleet;
		this.regions = regions;
		this.clock = clock;
	}

	/** The regions the actor works in, the one chosen (or the first) and its grid warehouses, the one chosen. */
	record Place(List<Region> regions, Long regionId, List<Warehouse> grids, Long gridWarehouseId) {
	}

	Place place(Actor actor, Long regionId, Long gridWarehouseId) {
		List<Region> mine = regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
		Long region = regionId != null ? regionId : mine.isEmpty() ? null : mine.get(0).id().value();
		List<Warehouse> grids = region == null ? List.of() : fleet.gridWarehouses(actor, region);
		Long grid = gridWarehouseId != null && grids.stream().anyMatch(g -> g.id().value() == gridWarehouseId)
				? gridWarehouseId : grids.isEmpty() ? null : grids.get(0).id().value();
		return new Place(mine, region, grids, grid);
	}

	private void place(Model model, Place p) {
		model.addAttribute("regions", p.regions());
		model.addAttribute("regionId", p.regionId());
		model.addAttribute("grids", p.grids());
		model.addAttribute("gridWarehouseId", p.gridWarehouseId());
	}

	@GetMapping("/console/logistics/fleet")
	String fleetPage(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long gridWarehouseId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week, Model model) {
		Place p = place(actor, regionId, gridWarehouseId);
		place(model, p);
		List<Driver> drivers = p.regionId() == null ? List.of() : fleet.drivers(actor, p.regionId());
		model.addAttribute("drivers", drivers);
		model.addAttribute("driverNames", drivers.stream().collect(Collectors.toMap(Driver::accountId, Driver::name)));
		model.addAttribute("activeDrivers", drivers.stream().filter(Driver::active).toList());
		if (p.gridWarehouseId() != null) {
			model.addAttribute("vehicles", fleet.vehicles(actor, p.gridWarehouseId()));
			model.addAttribute("week", fleet.shiftWeek(actor, p.gridWarehouseId(), week != null ? week : LocalDate.now(clock)));
		}
		else {
			model.addAttribute("vehicles", List.of());
		}
		return "logistics/fleet-page";
	}

	private String back(Long regionId, Long gridWarehouseId) {
		return "redirect:/console/logistics/fleet?regionId=" + (regionId == null ? "" : regionId) + "&gridWarehouseId="
				+ (gridWarehouseId == null ? "" : gridWarehouseId);
	}

	private static void act(RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", true);
		}
		catch (BusinessRuleException | NotFoundException e) {
			String field = e instanceof BusinessRuleException b && b.field() != null ? b.field() + ": " : "";
			redirect.addFlashAttribute("failure", field + e.getMessage());
		}
	}

	@PostMapping("/console/logistics/fleet/vehicles")
	String addVehicle(Actor actor, @RequestParam(required = false) Long regionId, @RequestParam Long gridWarehouseId,
			@RequestParam(required = false) String plate, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer ambientCrates, @RequestParam(required = false) Integer chilledCrates,
			@RequestParam(required = false) Integer frozenCrates, @RequestParam(required = false) Integer maxKg,
			@RequestParam(required = false) Long costPerKmFen, @RequestParam(required = false) Long costPerHourFen,
			@RequestParam(required = false) Long fixedCostFen, @RequestParam(required = false) Long driverAccountId,
			@RequestParam(required = false) LocalTime shiftStart, @RequestParam(required = false) LocalTime latestReturn,
			RedirectAttributes redirect) {
		act(redirect, () -> fleet.createVehicle(actor, new NewVehicle(gridWarehouseId, plate, name, zero(ambientCrates),
				zero(chilledCrates), zero(frozenCrates), maxKg, costPerKmFen, costPerHourFen, fixedCostFen, driverAccountId,
				shiftStart, latestReturn)));
		return back(regionId, gridWarehouseId);
	}

	private static Integer zero(Integer crates) {
		return crates == null ? Integer.valueOf(0) : crates;
	}

	@GetMapping("/console/logistics/fleet/vehicles/{id}/edit")
	String editVehicle(Actor actor, @PathVariable long id, Model model) {
		var v = fleet.vehicle(actor, id);
		actor.checkManagesRegion(v.regionId());
		model.addAttribute("v", v);
		model.addAttribute("grids", fleet.gridWarehouses(actor, v.regionId()));
		model.addAttribute("activeDrivers", fleet.drivers(actor, v.regionId()).stream().filter(Driver::active).toList());
		return "logistics/fleet-vehicle";
	}

	@PostMapping("/console/logistics/fleet/vehicles/{id}")
	String saveVehicle(Actor actor, @PathVariable long id, @RequestParam int version, @RequestParam Long gridWarehouseId,
			@RequestParam(required = false) String plate, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer ambientCrates, @RequestParam(required = false) Integer chilledCrates,
			@RequestParam(required = false) Integer frozenCrates, @RequestParam(required = false) Integer maxKg,
			@RequestParam(required = false) Long costPerKmFen, @RequestParam(required = false) Long costPerHourFen,
			@RequestParam(required = false) Long fixedCostFen, @RequestParam(required = false) Long driverAccountId,
			@RequestParam(required = false) LocalTime shiftStart, @RequestParam(required = false) LocalTime latestReturn,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		var v = fleet.vehicle(actor, id);
		try {
			fleet.updateVehicle(actor, id, version, new NewVehicle(gridWarehouseId, plate, name, zero(ambientCrates),
					zero(chilledCrates), zero(frozenCrates), maxKg, costPerKmFen, costPerHourFen, fixedCostFen, driverAccountId,
					shiftStart, latestReturn), active);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", (e.field() == null ? "" : e.field() + ": ") + e.getMessage());
			return "redirect:/console/logistics/fleet/vehicles/" + id + "/edit";
		}
		redirect.addFlashAttribute("notice", true);
		return back(v.regionId(), gridWarehouseId);
	}

	@PostMapping("/console/logistics/fleet/vehicles/{id}/active")
	String vehicleActive(Actor actor, @PathVariable long id, @RequestParam int version, @RequestParam boolean active,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) Long gridWarehouseId,
			RedirectAttributes redirect) {
		act(redirect, () -> fleet.setVehicleActive(actor, id, version, active));
		return back(regionId, gridWarehouseId);
	}

	@PostMapping("/console/logistics/fleet/drivers")
	String addDriver(Actor actor, @RequestParam Long regionId, @RequestParam(required = false) Long gridWarehouseId,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String name,
			@RequestParam(required = false) String password, RedirectAttributes redirect) {
		act(redirect, () -> fleet.createDriver(actor, new NewDriver(regionId, gridWarehouseId, phone, name, password)));
		return back(regionId, gridWarehouseId);
	}

	@PostMapping("/console/logistics/fleet/drivers/{id}/deactivate")
	String driverLeaves(Actor actor, @PathVariable long id, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long gridWarehouseId, RedirectAttributes redirect) {
		act(redirect, () -> fleet.deactivateDriver(actor, id));
		return back(regionId, gridWarehouseId);
	}

	@PostMapping("/console/logistics/fleet/shifts")
	String setShift(Actor actor, @RequestParam long vehicleId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "false") boolean available, @RequestParam(required = false) Long driverAccountId,
			@RequestParam(required = false) LocalTime shiftStart, @RequestParam(required = false) LocalTime latestReturn,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) Long gridWarehouseId,
			RedirectAttributes redirect) {
		act(redirect, () -> fleet.setShift(actor, vehicleId, date, driverAccountId, shiftStart, latestReturn, available));
		return back(regionId, gridWarehouseId) + "&week=" + date;
	}

	// ---- windows and packing ----

	@GetMapping("/console/logistics/windows")
	String windowsPage(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long gridWarehouseId, Model model) {
		Place p = place(actor, regionId, gridWarehouseId);
		place(model, p);
		model.addAttribute("windows", p.gridWarehouseId() == null ? List.of() : fleet.dropWindows(actor, p.gridWarehouseId()));
		model.addAttribute("packings", fleet.packings());
		return "logistics/fleet-windows";
	}

	private String windowsBack(Long regionId, Long gridWarehouseId) {
		return "redirect:/console/logistics/windows?regionId=" + (regionId == null ? "" : regionId) + "&gridWarehouseId="
				+ (gridWarehouseId == null ? "" : gridWarehouseId);
	}

	@PostMapping("/console/logistics/windows/{pickupPointId}")
	String setWindow(Actor actor, @PathVariable long pickupPointId, @RequestParam(required = false) LocalTime windowStart,
			@RequestParam(required = false) LocalTime windowEnd, @RequestParam(required = false) Integer serviceMinutes,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) Long gridWarehouseId,
			RedirectAttributes redirect) {
		act(redirect, () -> fleet.setDropWindow(actor, pickupPointId, windowStart, windowEnd, serviceMinutes));
		return windowsBack(regionId, gridWarehouseId);
	}

	@PostMapping("/console/logistics/windows/{pickupPointId}/reset")
	String resetWindow(Actor actor, @PathVariable long pickupPointId, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long gridWarehouseId, RedirectAttributes redirect) {
		act(redirect, () -> fleet.resetDropWindow(actor, pickupPointId));
		return windowsBack(regionId, gridWarehouseId);
	}

	@PostMapping("/console/logistics/packing")
	String setPacking(Actor actor, @RequestParam(required = false) Long skuId,
			@RequestParam(required = false) Integer unitsPerCrate, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long gridWarehouseId, RedirectAttributes redirect) {
		act(redirect, () -> {
			if (skuId == null) {
				throw new com.linli.shared.InvalidInputException("skuId", com.linli.shared.Text.of("logistics.problem.fleetRequired"));
			}
			fleet.setPacking(actor.actedBy(), skuId, unitsPerCrate);
		});
		return windowsBack(regionId, gridWarehouseId);
	}

	@PostMapping("/console/logistics/packing/{skuId}/reset")
	String resetPacking(Actor actor, @PathVariable long skuId, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long gridWarehouseId, RedirectAttributes redirect) {
		act(redirect, () -> fleet.resetPacking(actor.actedBy(), skuId));
		return windowsBack(regionId, gridWarehouseId);
	}

}
