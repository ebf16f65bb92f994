package com.linli.inventory.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.linli.catalog.SkuId;
import com.linli.inventory.Stock;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.shared.DispatchStock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inventory's answer to "are the goods of this truck there?": per SKU, the units not yet sold out of
 * the grid warehouse for the run (what earlier trucks did not carry included), less what the region's
 * central warehouse holds for the run or has free, and what the grid warehouse has free: the same
 * sources {@code DispatchMoves} draws on when the truck has left.
 */
@Component
class DispatchReadiness implements DispatchStock {

	private final StockLedger ledger;

	private final Reservations reservations;

	private final WarehouseManagement network;

	private final JdbcClient jdbc;

	DispatchReadiness(StockLedger ledger, Reservations reservations, WarehouseManagement network, JdbcClient jdbc) {
		this.ledger = ledger;
		this.reservations = reservations;
		this.network = network;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Readiness readiness(long regionId, long runId, long gridWarehouseId, Map<Long, Long> wanted) {
		var central = network.warehouses(new com.linli.network.RegionId(regionId)).stream()
			.filter(w -> w.kind() == WarehouseKind.CENTRAL)
			.min(java.util.Comparator.comparing((com.linli.network.Warehouse w) -> !w.active())
				.thenComparing(w -> w.id().value()));
		if (central.isEmpty()) {
			return new Readiness(Map.of(), Map.of());
		}
		WarehouseId centralId = central.get().id();
		WarehouseId grid = new WarehouseId(gridWarehouseId);
		String demand = "cutoff-run:" + runId;
		Map<Long, Long> owed = new LinkedHashMap<>();
		Map<Long, Long> missing = new LinkedHashMap<>();
		wanted.forEach((skuValue, units) -> {
			SkuId sku = new SkuId(skuValue);
			long sold = jdbc.sql("select sold from inventory.dispatch_move where run_id = ? and grid_warehouse_id = ? and sku_id = ?")
				.params(runId, gridWarehouseId, skuValue).query(Long.class).optional().orElse(0L);
			long due = units - sold;
			if (due <= 0) {
				return;
			}
			owed.put(skuValue, due);
			long held = reservations.find(demand, sku).filter(r -> r.warehouseId().equals(centralId))
				.map(Reservations.Row::held).orElse(0L);
			long free = ledger.find(centralId, sku).map(Stock::available).orElse(0L);
			long atGrid = ledger.find(grid, sku).map(Stock::available).orElse(0L);
			long there = held + Math.max(free, 0) + Math.max(atGrid, 0);
			if (there < due) {
				missing.put(skuValue, due - there);
			}
		});
		return new Readiness(owed, missing);
	}
}
