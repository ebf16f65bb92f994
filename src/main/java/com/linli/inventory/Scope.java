package com.linli.inventory;

import com.linli.identity.Actor;
import com.linli.network.RegionId;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * Staff work in their regions (DESIGN.md section 5): admins everywhere, operators and warehouse staff in
 * the regions of their account, the platform itself (a job, a listener) everywhere. The {@link Actor} is
 * passed in by whoever calls the use case.
 */
@Component
class Scope {

	private final WarehouseManagement network;

	Scope(WarehouseManagement network) {
		this.network = network;
	}

	/** The warehouse, once the actor is known to work in its region (403 otherwise; 400 on {@code field} when unknown). */
	Warehouse warehouse(WarehouseId id, String field, Actor actor) {
		if (id == null) {
			throw new InvalidInputException(field, Text.of("inventory.problem.chooseWarehouse"));
		}
		Warehouse warehouse;
		try {
			warehouse = network.getWarehouse(id);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException(field, Text.of("inventory.problem.warehouseMissing", id));
		}
		actor.checkRegion(warehouse.regionId().value());
		return warehouse;
	}

	/** Throws 403 unless the actor works in the region. */
	static void checkRegion(RegionId region, Actor actor) {
		actor.checkRegion(region.value());
	}
}
