package com.linli.supply.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.ConsoleFigures;

import org.springframework.stereotype.Component;

/** Active suppliers on the console home. */
@Component
class SupplierFigures implements ConsoleFigures {

	private final Suppliers suppliers;

	SupplierFigures(Suppliers suppliers) {
		this.suppliers = suppliers;
	}

	@Override
	public List<Figure> figures(Optional<Set<Long>> regionScope) {
		return List.of(new Figure(50, "supply.figure.activeSuppliers", String.format("%,d", suppliers.countActive()),
				"/console/suppliers?active=true"));
	}
}
