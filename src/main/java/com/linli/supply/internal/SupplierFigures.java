package com.linli.supply.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.ConsoleFigures;

import org.springframework.stereotype.Component;

/** Active suppliers and draft purchase orders waiting to be sent, on the console home. */
@Component
class SupplierFigures implements ConsoleFigures {

	private final Suppliers suppliers;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	SupplierFigures(Suppliers suppliers, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.suppliers = suppliers;
		this.jdbc = jdbc;
	}

	@Override
	public List<Figure> figures(Optional<Set<Long>> regionScope) {
		Long[] regions = regionScope.map(r -> r.toArray(Long[]::new)).orElse(null);
		long drafts = jdbc.sql("""
				select count(*) from supply.purchase_order where status = 'DRAFT'
				   and (cast(? as bigint[]) is null or region_id = any(cast(? as bigint[])))""")
			.params(regions, regions).query(Long.class).single();
		return List.of(new Figure(50, "supply.figure.activeSuppliers", String.format("%,d", suppliers.countActive()),
				"/console/suppliers?active=true"),
				new Figure(51, "supply.figure.draftPurchaseOrders", String.format("%,d", drafts),
						"/console/purchase-orders?status=DRAFT"));
	}
}
