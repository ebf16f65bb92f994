package com.linli.inventory.internal;

import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.network.WarehouseId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a SKU cost when it was last received with a cost (inventory's batches carry the purchase's unit cost). */
@Repository
public class StockCosts {

	private final JdbcClient jdbc;

	StockCosts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The unit cost of the latest batch received with one, at the warehouse if it has any, else anywhere. */
	public Optional<Money> lastUnitCost(SkuId sku, WarehouseId preferred) {
		return jdbc.sql("""
				select unit_cost_fen from inventory.batch
				 where sku_id = ? and unit_cost_fen is not null and origin_id is null
				 order by (warehouse_id = ?) desc, received_at desc, id desc limit 1""")
			.params(sku.value(), preferred == null ? -1L : preferred.value())
			.query(Long.class).optional().map(Money::ofFen);
	}
}
