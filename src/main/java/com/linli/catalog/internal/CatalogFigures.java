package com.linli.catalog.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.ConsoleFigures;

import org.springframework.stereotype.Component;

/** Active products and sellable SKUs on the console home; the catalogue is the same in every region. */
@Component
class CatalogFigures implements ConsoleFigures {

	private final CatalogQueries queries;

	CatalogFigures(CatalogQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<Figure> figures(Optional<Set<Long>> regionScope) {
		return List.of(
				new Figure(40, "catalog.figure.activeProducts", String.format("%,d", queries.activeProducts()),
						"/console/products?active=true"),
				new Figure(41, "catalog.figure.activeSkus", String.format("%,d", queries.activeSkus()),
						"/console/products?active=true"));
	}
}
