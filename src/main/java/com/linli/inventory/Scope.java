package com.linli.inventory;

import com.linli.identity.CurrentUser;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * Staff work in their regions (DESIGN.md section 5): admins everywhere, operators and warehouse staff in
 * the regions of their account. Calls without a signed-in user come from the platform and are trusted.
 */
@Component
class Scope {

	private final WarehouseManagement network;

	Scope(WarehouseManagement network) {
		this.network = network;
	}

	Warehouse warehouse(WarehouseId id, String field) {
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
		CurrentUser.checkRegion(warehouse.regionId().value());
		return warehouse;
	}

	/** Throws 403 unless the signed-in staff member works in the region. */
	static void checkRegion(com.linli.network.RegionId region) {
		CurrentUser.checkRegion(region.value());
	}

	static Long by() {
		return CurrentUser.get().map(u -> u.id().value()).orElse(null);
	}
}
