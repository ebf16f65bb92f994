package com.linli.shared;

import java.util.List;
import java.util.Optional;

/**
 * Names of suppliers, for modules that may not depend on supply (catalog's product form shows a
 * supplier picker). Implemented by the supply module: dependency inversion, no cycle.
 */
public interface SupplierDirectory {

	List<Entry> all();

	Optional<Entry> find(SupplierId id);

	record Entry(SupplierId id, String name) {
	}
}
