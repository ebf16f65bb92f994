package com.linli.inventory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.inventory.internal.Reservations;
import com.linli.inventory.internal.StockLedger;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Central -> grid transfers ahead of a cutoff run's trucks (logistics' transfer plan): per SKU, the run's units
 * held at the region's central warehouse first, then free ones, move to the grid warehouse as TRANSFER_OUT /
 * TRANSFER_IN, FEFO. Keyed per (run, grid warehouse, SKU): the units planned are fixed by the first execution
 * and a rerun moves only what is still owed, so nothing moves twice; a SKU short at central moves partially.
 * The run's dispatch later sells these units out of the grid warehouse without moving them again
 * ({@code DispatchMoves}).
 */
@Service
@Transactional(readOnly = true)
public class RunTransferManagement {

	private final StockLedger ledger;

	private final Reservations reservations;

	private final MovementManagement movements;

	private final WarehouseManagement network;

	private final Scope scope;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	RunTransferManagement(StockLedger ledger, Reservations reservations, MovementManagement movements,
			WarehouseManagement network, Scope scope, org.springframework.context.ApplicationEventPublisher events,
			JdbcClient jdbc, Clock clock) {
		this.ledger = ledger;
		this.reservations = reservations;
		this.movements = movements;
		this.network = network;
		this.scope = scope;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The region's central warehouse a grid warehouse is supplied from (the active one first, then the oldest). */
	public Optional<Warehouse> centralOf(WarehouseId gridWarehouse) {
		Warehouse grid = network.getWarehouse(gridWarehouse);
		return network.warehouses(grid.regionId()).stream()
			.filter(w -> w.kind() == WarehouseKind.CENTRAL)
			.min(Comparator.comparing((Warehouse w) -> !w.active()).thenComparing(w -> w.id().value()));
	}

	/** Units held for a run at a warehouse plus its free units: what a transfer of the run may take there. */
	public long availableFor(long runId, WarehouseId warehouse, SkuId sku) {
		long held = reservations.find(demand(runId), sku).filter(r -> r.warehouseId().equals(warehouse))
			.map(Reservations.Row::held).orElse(0L);
		long free = ledger.find(warehouse, sku).map(Stock::available).orElse(0L);
		return held + Math.max(free, 0);
	}

	/** The transfers recorded for a run's grid warehouse, by SKU. */
	public List<RunTransfer> transfers(long runId, WarehouseId gridWarehouse) {
		return jdbc.sql("""
				select run_id, grid_warehouse_id, central_id, sku_id, wanted, moved, used from inventory.run_transfer
				 where run_id = ? and grid_warehouse_id = ? order by sku_id""")
			.params(runId, gridWarehouse.value())
			.query((rs, n) -> new RunTransfer(rs.getLong(1), new WarehouseId(rs.getLong(2)), new WarehouseId(rs.getLong(3)),
					new SkuId(rs.getLong(4)), rs.getLong(5), rs.getLong(6), 0, rs.getLong(7)))
			.list();
	}

	/**
	 * Moves the wanted units per SKU from the region's central warehouse to the grid warehouse for the run, in one
	 * transaction (SKU order, the lock order of every multi-SKU change). A SKU already recorded keeps the units
	 * planned then and moves only what is still owed. Answers every SKU's transfer, with what moved now.
	 */
	@Transactional
	public List<RunTransfer> transfer(Actor actor, long runId, WarehouseId gridWarehouse, Map<SkuId, Long> wanted) {
		Warehouse grid = scope.warehouse(gridWarehouse, "gridWarehouseId", actor);
		if (grid.kind() != WarehouseKind.GRID) {
			throw new InvalidInputException("gridWarehouseId", Text.of("inventory.problem.transferNotToGrid"));
		}
		Warehouse central = centralOf(gridWarehouse).orElseThrow(() -> new BusinessRuleException("no-central-warehouse",
				"gridWarehouseId", Text.of("inventory.problem.noCentralWarehouse")));
		Instant now = clock.instant();
		String ref = "transfer:" + runId + ":" + gridWarehouse;
		List<RunTransfer> result = new ArrayList<>();
		long total = 0;
		for (var entry : wanted.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().value())).toList()) {
			SkuId sku = entry.getKey();
			long units = entry.getValue();
			movements.lockInOrder(central.id(), gridWarehouse, sku, now);
			if (units > 0) {
				jdbc.sql("""
						insert into inventory.run_transfer (run_id, grid_warehouse_id, central_id, sku_id, wanted, moved_by, moved_at)
						values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
					.params(runId, gridWarehouse.value(), central.id().value(), sku.value(), units, actor.accountIdOrNull(),
							Timestamp.from(now))
					.update();
			}
			var row = jdbc.sql("""
					select wanted, moved, used from inventory.run_transfer
					 where run_id = ? and grid_warehouse_id = ? and sku_id = ? for update""")
				.params(runId, gridWarehouse.value(), sku.value())
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).optional();
			if (row.isEmpty()) {
				continue;
			}
			long owed = row.get()[0] - row.get()[1];
			long moved = owed > 0 ? take(runId, central.id(), gridWarehouse, sku, owed, ref, now, actor) : 0;
			if (moved > 0) {
				jdbc.sql("""
						update inventory.run_transfer set moved = moved + ?, moved_by = ?, moved_at = ?
						 where run_id = ? and grid_warehouse_id = ? and sku_id = ?""")
					.params(moved, actor.accountIdOrNull(), Timestamp.from(now), runId, gridWarehouse.value(), sku.value())
					.update();
			}
			total += moved;
			result.add(new RunTransfer(runId, gridWarehouse, central.id(), sku, row.get()[0], row.get()[1] + moved, moved,
					row.get()[2]));
		}
		if (total > 0 && !actor.isSystem()) {
			events.publishEvent(new AdminChange(actor.actedBy(), "inventory.runTransfer", "warehouse:" + gridWarehouse,
					"cutoff-run:" + runId + " from warehouse " + central.id() + " units=" + total));
		}
		return result;
	}

	/** Moves up to {@code owed} units: the run's held ones at central first, then free ones; callers hold the locks. */
	private long take(long runId, WarehouseId central, WarehouseId grid, SkuId sku, long owed, String ref, Instant now,
			Actor actor) {
		long held = reservations.find(demand(runId), sku).filter(r -> r.warehouseId().equals(central))
			.map(Reservations.Row::held).orElse(0L);
		Stock stock = ledger.find(central, sku).orElse(Stock.of(central, sku, 0, 0));
		long fromHeld = Math.min(owed, held);
		long fromFree = Math.min(owed - fromHeld, Math.max(stock.available(), 0));
		if (fromHeld > 0) {
			reservations.consume(demand(runId), sku, fromHeld, now);
			ledger.addReserved(central, sku, -fromHeld, now);
		}
		return fromHeld + fromFree > 0 ? movements.move(central, grid, sku, fromHeld + fromFree, ref, now, actor) : 0;
	}

	private static String demand(long runId) {
		return "cutoff-run:" + runId;
	}
}
