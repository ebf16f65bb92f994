package com.linli.network;

import java.util.List;

import com.linli.identity.Actor;
import com.linli.network.internal.PickupPoints;
import com.linli.network.internal.Regions;
import com.linli.network.internal.Warehouses;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of warehouses (a region's central warehouse and its grid warehouses): opening, editing and
 * closing one, by staff who work in its region, and reading them.
 */
@Service
@Transactional(readOnly = true)
public class WarehouseManagement {

	private final Regions regions;

	private final Warehouses warehouses;

	private final PickupPoints pickupPoints;

	private final ApplicationEventPublisher events;

	WarehouseManagement(Regions regions, Warehouses warehouses, PickupPoints pickupPoints,
			ApplicationEventPublisher events) {
		this.regions = regions;
		this.warehouses = warehouses;
		this.pickupPoints = pickupPoints;
		this.events = events;
	}

	@Transactional
	public Warehouse createWarehouse(Actor actor, NewWarehouse w) {
		var region = regions.find(Inputs.required("regionId", w.regionId()))
			.orElseThrow(() -> new InvalidInputException("regionId", Text.of("network.problem.unknownRegion", w.regionId())));
		actor.checkRegion(region.id().value());
		var warehouse = new NewWarehouse(region.id(), Inputs.required("kind", w.kind()), Inputs.text("name", w.name(), 60),
				Inputs.text("address", w.address(), 200), Inputs.latitude(w.latitude()), Inputs.longitude(w.longitude()));
		checkWarehouseName(region.id(), warehouse.name(), null);
		var id = warehouses.insert(warehouse);
		events.publishEvent(new AdminChange(actor.actedBy(), "network.warehouse.create", "warehouse:" + id,
				warehouse.kind() + " " + warehouse.name() + " region:" + region.id()));
		return getWarehouse(id);
	}

	/** Edits a warehouse; a grid warehouse that still serves open pickup points cannot close. */
	@Transactional
	public Warehouse updateWarehouse(Actor actor, WarehouseId id, WarehouseChange c) {
		var current = getWarehouse(id);
		actor.checkRegion(current.regionId().value());
		var change = new WarehouseChange(Inputs.text("name", c.name(), 60), Inputs.text("address", c.address(), 200),
				Inputs.latitude(c.latitude()), Inputs.longitude(c.longitude()), c.active());
		checkWarehouseName(current.regionId(), change.name(), id);
		if (current.active() && !change.active() && pickupPoints.activeServedBy(id) > 0) {
			throw new BusinessRuleException("warehouse-serves-pickup-points", "active",
					Text.of("network.problem.warehouseServesPickupPoints"));
		}
		warehouses.update(id, change);
		events.publishEvent(new AdminChange(actor.actedBy(), "network.warehouse.update", "warehouse:" + id,
				change.name() + " active=" + change.active()));
		return getWarehouse(id);
	}

	public Warehouse getWarehouse(WarehouseId id) {
		return warehouses.find(Inputs.required("warehouseId", id))
			.orElseThrow(() -> new NotFoundException("warehouse", id));
	}

	/** Every warehouse of a region, active or not: central ones first, then by name. */
	public List<Warehouse> warehouses(RegionId regionId) {
		return warehouses.ofRegion(regionId);
	}

	/**
	 * The region's purchasing central warehouse: its first active central one (lowest id), where purchase
	 * orders are received and what purchase suggestions net; empty when the region has none.
	 */
	public java.util.Optional<Warehouse> purchasingCentral(RegionId regionId) {
		return warehouses(regionId).stream()
			.filter(w -> w.kind() == WarehouseKind.CENTRAL && w.active())
			.min(java.util.Comparator.comparingLong(w -> w.id().value()));
	}

	public Page<Warehouse> searchWarehouses(NetworkSearch search, WarehouseKind kind) {
		return warehouses.search(search, kind);
	}

	private void checkWarehouseName(RegionId region, String name, WarehouseId except) {
		if (warehouses.nameTaken(region, name, except)) {
			throw new BusinessRuleException("warehouse-name-taken", "name",
					Text.of("network.problem.warehouseRegionAlreadyHasName"));
		}
	}
}
