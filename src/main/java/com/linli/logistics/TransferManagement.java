package com.linli.logistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.CutoffRun;
import com.linli.fulfilment.CutoffRunId;
import com.linli.fulfilment.GridDrop;
import com.linli.identity.Actor;
import com.linli.inventory.RunTransfer;
import com.linli.inventory.RunTransferManagement;
import com.linli.inventory.StockManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Central -> grid transfers (调拨) of a completed cutoff run: per grid warehouse, the units per SKU its pickup
 * points need (the run's drops) less what the grid warehouse already has, from the region's central warehouse.
 * Executing records the stock movements through inventory in one transaction, once per (run, grid, SKU): a
 * rerun moves only what the central warehouse still owes, and a SKU short there moves partially.
 */
@Service
@Transactional(readOnly = true)
public class TransferManagement {

	private final CutoffManagement cutoffs;

	private final WarehouseManagement warehouses;

	private final RunTransferManagement transfers;

	private final StockManagement stock;

	TransferManagement(CutoffManagement cutoffs, WarehouseManagement warehouses, RunTransferManagement transfers,
			StockManagement stock) {
		this.cutoffs = cutoffs;
		this.warehouses = warehouses;
		this.transfers = transfers;
		this.stock = stock;
	}

	/** The transfer plan of a run's grid warehouse as it stands (403 outside the actor's regions). */
	public TransferPlan plan(Actor actor, long runId, long gridWarehouseId) {
		CutoffRun run = cutoffs.get(new CutoffRunId(runId), actor);
		Warehouse grid = grid(run, gridWarehouseId);
		return plan(actor, run, grid, Map.of());
	}

	/**
	 * Executes the transfer plan of a run's grid warehouse: 409 unless the run is completed. Answers the plan
	 * after it, with what moved now per SKU.
	 */
	@Transactional
	public TransferPlan execute(Actor actor, long runId, long gridWarehouseId) {
		CutoffRun run = cutoffs.get(new CutoffRunId(runId), actor);
		Warehouse grid = grid(run, gridWarehouseId);
		if (!run.isCompleted()) {
			throw new BusinessRuleException("cutoff-not-completed", "runId",
					Text.of("logistics.problem.warehouseRunNotCompleted", runId));
		}
		TransferPlan before = plan(actor, run, grid, Map.of());
		if (before.centralWarehouseId() == null) {
			throw new BusinessRuleException("no-central-warehouse", "gridWarehouseId",
					Text.of("logistics.problem.warehouseNoCentral"));
		}
		Map<SkuId, Long> wanted = new LinkedHashMap<>();
		before.lines().forEach(l -> wanted.put(new SkuId(l.skuId()), l.recorded() ? 0 : l.planned()));
		Map<Long, Long> now = new LinkedHashMap<>();
		for (RunTransfer t : transfers.transfer(actor, runId, grid.id(), wanted)) {
			now.put(t.skuId().value(), t.movedNow());
		}
		return plan(actor, run, grid, now);
	}

	private TransferPlan plan(Actor actor, CutoffRun run, Warehouse grid, Map<Long, Long> movedNow) {
		long runId = run.id().value();
		Map<Long, long[]> needed = new LinkedHashMap<>();
		Map<Long, String[]> names = new LinkedHashMap<>();
		for (GridDrop drop : cutoffs.drops(run.id(), grid.id(), actor)) {
			for (GridDrop.SkuUnits s : drop.skus()) {
				needed.computeIfAbsent(s.skuId().value(), k -> new long[1])[0] += s.units();
				names.putIfAbsent(s.skuId().value(), new String[] { s.skuName() + " " + s.spec(), s.unit() });
			}
		}
		Map<Long, RunTransfer> recorded = new LinkedHashMap<>();
		transfers.transfers(runId, grid.id()).forEach(t -> recorded.put(t.skuId().value(), t));
		Optional<Warehouse> central = transfers.centralOf(grid.id());
		List<TransferLine> lines = new ArrayList<>();
		needed.forEach((sku, units) -> {
			SkuId id = new SkuId(sku);
			long atGrid = Math.max(stock.stock(grid.id(), id).available(), 0);
			long atCentral = central.map(c -> transfers.availableFor(runId, c.id(), id)).orElse(0L);
			RunTransfer done = recorded.get(sku);
			long planned = done != null ? done.wanted() : Math.max(0, units[0] - atGrid);
			lines.add(new TransferLine(sku, names.get(sku)[0], names.get(sku)[1], units[0], atGrid, atCentral, planned,
					done != null ? done.moved() : 0, movedNow.getOrDefault(sku, 0L), done != null));
		});
		return new TransferPlan(runId, run.regionId().value(), run.pickupDate(), grid.id().value(), grid.name(),
				central.map(c -> c.id().value()).orElse(null), central.map(Warehouse::name).orElse(null),
				run.isCompleted(), lines);
	}

	private Warehouse grid(CutoffRun run, long gridWarehouseId) {
		Warehouse grid;
		try {
			grid = warehouses.getWarehouse(new WarehouseId(gridWarehouseId));
		}
		catch (NotFoundException e) {
			throw new NotFoundException("grid warehouse", gridWarehouseId);
		}
		if (grid.kind() != WarehouseKind.GRID || !grid.regionId().equals(run.regionId())) {
			throw new InvalidInputException("gridWarehouseId", Text.of("logistics.problem.warehouseNotGridOfRun"));
		}
		return grid;
	}
}
