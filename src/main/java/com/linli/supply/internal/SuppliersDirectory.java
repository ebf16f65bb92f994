package com.linli.supply.internal;

import java.util.List;
import java.util.Optional;

import com.linli.shared.SupplierDirectory;
import com.linli.shared.SupplierId;

import org.springframework.stereotype.Component;

/**
 * Supplier names for modules that may not depend on supply (catalog's supplier picker): {@link #all()}
 * lists the active suppliers to choose from, {@link #find} finds any supplier, inactive ones too.
 */
@Component
class SuppliersDirectory implements SupplierDirectory {

	private final Suppliers suppliers;

	SuppliersDirectory(Suppliers suppliers) {
		this.suppliers = suppliers;
	}

	@Override
	public List<Entry> all() {
		return suppliers.active().stream().map(s -> new Entry(s.id(), s.name())).toList();
	}

	@Override
	public Optional<Entry> find(SupplierId id) {
		return suppliers.find(id).map(s -> new Entry(s.id(), s.name()));
	}
}
