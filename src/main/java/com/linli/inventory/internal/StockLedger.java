package com.linli.inventory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.inventory.MovementKind;
import com.linli.inventory.Stock;
import com.linli.inventory.StockBatch;
import com.linli.inventory.StockBatchId;
import com.linli.network.WarehouseId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The low-level writes of stock: lock a stock row, add a batch, book a movement on a batch (ledger row,
 * batch remaining and stock on hand in one go, each update conditional so nothing goes negative).
 * Callers hold the lock of every stock row they touch, taken in (warehouse, SKU) order, for the length
 * of their transaction: that serialises every change of one warehouse's SKU without blocking others.
 */
@Repository
public class StockLedger {

	static final String BATCH = """
			select id, warehouse_id, sku_id, batch_no, production_date, expires_on, received, remaining, received_at
			  from inventory.batch""";

	private final JdbcClient jdbc;

	StockLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the stock row of a warehouse and SKU until the transaction ends (made at zero if new). */
	public Stock lock(WarehouseId warehouse, SkuId sku, Instant now) {
		jdbc.sql("""
				insert into inventory.stock (warehouse_id, sku_id, on_hand, reserved, updated_at) values (?, ?, 0, 0, ?)
				on conflict do nothing""")
			.params(warehouse.value(), sku.value(), Timestamp.from(now)).update();
		return jdbc.sql("select on_hand, reserved from inventory.stock where warehouse_id = ? and sku_id = ? for update")
			.params(warehouse.value(), sku.value())
			.query((rs, n) -> Stock.of(warehouse, sku, rs.getLong(1), rs.getLong(2))).single();
	}

	public Optional<Stock> find(WarehouseId warehouse, SkuId sku) {
		return jdbc.sql("select on_hand, reserved from inventory.stock where warehouse_id = ? and sku_id = ?")
			.params(warehouse.value(), sku.value())
			.query((rs, n) -> Stock.of(warehouse, sku, rs.getLong(1), rs.getLong(2))).optional();
	}

	public List<Stock> find(WarehouseId warehouse, Collection<SkuId> skus) {
		Long[] ids = skus.stream().map(SkuId::value).toArray(Long[]::new);
		return jdbc.sql("select sku_id, on_hand, reserved from inventory.stock where warehouse_id = ? and sku_id = any(?)")
			.params(warehouse.value(), ids)
			.query((rs, n) -> Stock.of(warehouse, new SkuId(rs.getLong(1)), rs.getLong(2), rs.getLong(3))).list();
	}

	/** A new batch with nothing in it yet; the RECEIPT or TRANSFER_IN movement fills it. */
	public StockBatchId insertBatch(WarehouseId warehouse, SkuId sku, String batchNo, LocalDate produced,
			LocalDate expires, Instant at, String reference, StockBatchId origin, Long unitCostFen) {
		return new StockBatchId(jdbc.sql("""
				insert into inventory.batch (warehouse_id, sku_id, batch_no, production_date, expires_on, received,
				    remaining, received_at, reference, origin_id, unit_cost_fen)
				values (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?) returning id""")
			.params(warehouse.value(), sku.value(), batchNo, produced, expires, Timestamp.from(at), reference,
					origin == null ? null : origin.value(), unitCostFen)
			.query(Long.class).single());
	}

	/** The batch at {@code warehouse} that holds goods of received batch {@code origin}, made if missing. */
	public StockBatchId batchFromOrigin(WarehouseId warehouse, StockBatch source, StockBatchId origin, Instant at) {
		return jdbc.sql("select id from inventory.batch where warehouse_id = ? and origin_id = ?")
			.params(warehouse.value(), origin.value()).query(Long.class).optional().map(StockBatchId::new)
			.orElseGet(() -> insertBatch(warehouse, source.skuId(), source.batchNo(), source.productionDate(),
					source.expiresOn(), at, null, origin, unitCost(source.id()).orElse(null)));
	}

	/** The received batch a batch came from (itself when it was received here). */
	public StockBatchId originOf(StockBatchId batch) {
		return jdbc.sql("select coalesce(origin_id, id) from inventory.batch where id = ?").param(batch.value())
			.query(Long.class).optional().map(StockBatchId::new).orElseThrow();
	}

	public Optional<Long> unitCost(StockBatchId batch) {
		return jdbc.sql("select unit_cost_fen from inventory.batch where id = ?").param(batch.value())
			.query((rs, n) -> (Long) rs.getObject(1, Long.class)).optional().filter(c -> c != null);
	}

	public Optional<StockBatch> batchByReference(String reference) {
		return jdbc.sql(BATCH + " where reference = ?").param(reference).query(StockLedger::batch).optional();
	}

	public Optional<StockBatch> batch(StockBatchId id) {
		return jdbc.sql(BATCH + " where id = ?").param(id.value()).query(StockLedger::batch).optional();
	}

	/** Batches with units left, first expiry first (no expiry last), then oldest first. */
	public List<StockBatch> fefo(WarehouseId warehouse, SkuId sku) {
		return jdbc.sql(BATCH + """
				\swhere warehouse_id = ? and sku_id = ? and remaining > 0
				 order by expires_on nulls last, received_at, id""")
			.params(warehouse.value(), sku.value()).query(StockLedger::batch).list();
	}

	/** The batch of a SKU at a warehouse that expires last (returns go there when no batch is named). */
	public Optional<StockBatch> latestExpiring(WarehouseId warehouse, SkuId sku) {
		return jdbc.sql(BATCH + """
				\swhere warehouse_id = ? and sku_id = ? and remaining < received
				 order by expires_on desc nulls first, received_at desc, id desc limit 1""")
			.params(warehouse.value(), sku.value()).query(StockLedger::batch).optional();
	}

	/**
	 * Books {@code quantity} (signed) of a batch: the ledger row, the batch's remaining (and received for
	 * goods coming in) and the stock's on hand. Returns false, changing nothing, when the batch or the
	 * stock would drop below zero or below what is reserved.
	 */
	public boolean book(StockBatch batch, MovementKind kind, long quantity, String reference, String reason,
			WarehouseId other, Long by, Instant at) {
		boolean receipt = kind == MovementKind.RECEIPT || kind == MovementKind.TRANSFER_IN;
		int batchRows = jdbc.sql("""
				update inventory.batch set remaining = remaining + ?,
				       received = case when ? then received + ? else greatest(received, remaining + ?) end
				 where id = ? and remaining + ? >= 0""")
			.params(quantity, receipt, quantity, quantity, batch.id().value(), quantity).update();
		if (batchRows == 0) {
			return false;
		}
		int stockRows = jdbc.sql("""
				update inventory.stock set on_hand = on_hand + ?, updated_at = ?
				 where warehouse_id = ? and sku_id = ? and on_hand + ? >= reserved""")
			.params(quantity, Timestamp.from(at), batch.warehouseId().value(), batch.skuId().value(), quantity)
			.update();
		if (stockRows == 0) {
			throw new IllegalStateException("batch " + batch.id() + " booked but stock row refused " + quantity);
		}
		jdbc.sql("""
				insert into inventory.movement (warehouse_id, sku_id, batch_id, kind, quantity, reference, reason,
				    other_warehouse_id, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(batch.warehouseId().value(), batch.skuId().value(), batch.id().value(), kind.name(), quantity,
					reference, reason, other == null ? null : other.value(), by, Timestamp.from(at))
			.update();
		return true;
	}

	/** Changes the reserved units of a stock row; false when that would break 0 <= reserved <= on hand. */
	public boolean addReserved(WarehouseId warehouse, SkuId sku, long delta, Instant at) {
		return jdbc.sql("""
				update inventory.stock set reserved = reserved + ?, updated_at = ?
				 where warehouse_id = ? and sku_id = ? and reserved + ? between 0 and on_hand""")
			.params(delta, Timestamp.from(at), warehouse.value(), sku.value(), delta).update() == 1;
	}

	/** Records a request reference as applied; false when it was applied before. */
	public boolean firstTime(String reference, Instant at) {
		return jdbc.sql("insert into inventory.applied_request (reference, applied_at) values (?, ?) on conflict do nothing")
			.params(reference, Timestamp.from(at)).update() == 1;
	}

	static StockBatch batch(ResultSet rs, int row) throws SQLException {
		return new StockBatch(new StockBatchId(rs.getLong("id")), new WarehouseId(rs.getLong("warehouse_id")),
				new SkuId(rs.getLong("sku_id")), rs.getString("batch_no"), rs.getObject("production_date", LocalDate.class),
				rs.getObject("expires_on", LocalDate.class), rs.getLong("received"), rs.getLong("remaining"),
				rs.getTimestamp("received_at").toInstant());
	}
}
