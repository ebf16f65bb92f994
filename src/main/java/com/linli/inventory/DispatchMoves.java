package com.linli.inventory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.fulfilment.GoodsDispatched;
import com.linli.identity.Actor;
import com.linli.inventory.internal.Reservations;
import com.linli.inventory.internal.StockLedger;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a truck leaves a grid warehouse (fulfilment's {@link GoodsDispatched}) the ordered units move:
 * TRANSFER_OUT of the region's central warehouse, TRANSFER_IN at the grid warehouse, then SALE out of it,
 * first expiry first, consuming the run's reservation ("cutoff-run:" + id) before any free units. What is
 * not there is not moved: the gap (wanted - sold) stays on record in {@code dispatch_move}, and a later
 * truck for the same grid warehouse (a rerun's new orders, or goods received after an overridden
 * dispatch) moves what is still owed: its units less those sold so far, never more Units a transfer of the run
 * ({@link RunTransferManagement}) already brought to the grid warehouse are sold there, not moved again.
 */
@Component
class DispatchMoves {

	private static final Logger log = LoggerFactory.getLogger(DispatchMoves.class);

	/** A truck's goods move as the platform itself. */
	private static final Actor DISPATCH = Actor.system("dispatch");

	private final StockLedger ledger;

	private final Reservations reservations;

	private final MovementManagement movements;

	private final WarehouseManagement network;

	private final JdbcClient jdbc;

	private final Clock clock;

	DispatchMoves(StockLedger ledger, Reservations reservations, MovementManagement movements,
			WarehouseManagement network, JdbcClient jdbc, Clock clock) {
		this.ledger = ledger;
		this.reservations = reservations;
		this.movements = movements;
		this.network = network;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(GoodsDispatched event) {
		Optional<Warehouse> central = network.warehouses(event.regionId()).stream()
			.filter(w -> w.kind() == WarehouseKind.CENTRAL)
			.min(Comparator.comparing((Warehouse w) -> !w.active()).thenComparing(w -> w.id().value()));
		if (central.isEmpty()) {
			log.warn("Region {} has no central warehouse: the goods of cutoff run {} are not moved", event.regionId(),
					event.runId());
			return;
		}
		// SKU order: the same lock order as every other multi-SKU change
		event.lines().stream().sorted(Comparator.comparing(l -> l.skuId().value()))
			.forEach(line -> move(event, central.get().id(), line.skuId(), line.units()));
	}

	private void move(GoodsDispatched event, WarehouseId central, SkuId sku, long units) {
		WarehouseId grid = event.gridWarehouseId();
		Instant now = clock.instant();
		movements.lockInOrder(central, grid, sku, now);
		long[] before = jdbc.sql("""
				select wanted, sold from inventory.dispatch_move
				 where run_id = ? and grid_warehouse_id = ? and sku_id = ? for update""")
			.params(event.runId().value(), grid.value(), sku.value())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).optional().orElse(new long[] { 0, 0 });
		// what earlier trucks did not carry is still owed: goods received since go out on this one
		long delta = units - before[1];
		if (delta <= 0) {
			return;
		}
		String demand = "cutoff-run:" + event.runId();
		String ref = "dispatch:" + event.runId() + ":" + grid;
		// units a transfer of the run already brought to the grid warehouse are not moved from central again
		long transferred = jdbc.sql("""
				select moved - used from inventory.run_transfer
				 where run_id = ? and grid_warehouse_id = ? and sku_id = ? for update""")
			.params(event.runId().value(), grid.value(), sku.value()).query(Long.class).optional().orElse(0L);
		long fromTransfer = Math.min(delta, transferred);
		long fromCentral = delta - fromTransfer;
		Stock stock = ledger.find(central, sku).orElseThrow();
		long held = reservations.find(demand, sku).filter(r -> r.warehouseId().equals(central))
			.map(Reservations.Row::held).orElse(0L);
		long fromHeld = Math.min(fromCentral, held);
		long fromFree = Math.min(fromCentral - fromHeld, Math.max(stock.available(), 0));
		if (fromHeld > 0) {
			reservations.consume(demand, sku, fromHeld, now);
			ledger.addReserved(central, sku, -fromHeld, now);
		}
		long moved = movements.move(central, grid, sku, fromHeld + fromFree, ref, now, DISPATCH);
		Stock atGrid = ledger.find(grid, sku).orElseThrow();
		long sold = movements.takeOut(grid, sku, Math.min(delta, atGrid.available()), MovementKind.SALE, ref, null, null,
				now, DISPATCH);
		if (fromTransfer > 0 && sold > 0) {
			jdbc.sql("update inventory.run_transfer set used = used + ? where run_id = ? and grid_warehouse_id = ? and sku_id = ?")
				.params(Math.min(fromTransfer, sold), event.runId().value(), grid.value(), sku.value()).update();
		}
		jdbc.sql("""
				insert into inventory.dispatch_move (run_id, grid_warehouse_id, central_id, sku_id, wanted, moved, sold, moved_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (run_id, grid_warehouse_id, sku_id) do update set wanted = greatest(dispatch_move.wanted, excluded.wanted),
				    moved = dispatch_move.moved + excluded.moved, sold = dispatch_move.sold + excluded.sold,
				    moved_at = excluded.moved_at""")
			.params(event.runId().value(), grid.value(), central.value(), sku.value(), units, moved, sold,
					Timestamp.from(now))
			.update();
		if (sold < delta) {
			log.info("Cutoff run {}: {} of {} units of SKU {} left grid warehouse {}", event.runId(), sold, delta, sku,
					grid);
		}
	}
}
