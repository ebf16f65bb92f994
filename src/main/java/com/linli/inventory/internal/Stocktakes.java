package com.linli.inventory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.inventory.StockBatchId;
import com.linli.inventory.Stocktake;
import com.linli.inventory.StocktakeStatus;
import com.linli.network.WarehouseId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stocktakes and their lines. */
@Repository
public class Stocktakes {

	private final JdbcClient jdbc;

	Stocktakes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Head(long id, WarehouseId warehouseId, StocktakeStatus status, String note, Instant openedAt,
			Instant closedAt) {
	}

	public record Line(StockBatchId batchId, SkuId skuId, String batchNo, LocalDate expiresOn, long expected,
			Long counted, Long unitCostFen, Long adjusted, long remainingNow) {
	}

	/**
	 * Opens a count with a snapshot of every batch holding units; empty when one is open already (the
	 * literal 'OPEN' below names the partial unique index of open counts, one per warehouse).
	 */
	public Optional<Long> open(WarehouseId warehouse, String note, Long by, Instant at) {
		Optional<Long> id = jdbc.sql("""
				insert into inventory.stocktake (warehouse_id, status, note, opened_by, opened_at)
				values (?, 'OPEN', ?, ?, ?) on conflict (warehouse_id) where status = 'OPEN' do nothing returning id""")
			.params(warehouse.value(), note, by, Timestamp.from(at)).query(Long.class).optional();
		id.ifPresent(stocktake -> jdbc.sql("""
				insert into inventory.stocktake_line (stocktake_id, batch_id, sku_id, expected)
				select ?, id, sku_id, remaining from inventory.batch where warehouse_id = ? and remaining > 0""")
			.params(stocktake, warehouse.value()).update());
		return id;
	}

	public Optional<Head> find(long id) {
		return jdbc.sql("select id, warehouse_id, status, note, opened_at, closed_at from inventory.stocktake where id = ?")
			.param(id).query((rs, n) -> head(rs)).optional();
	}

	public List<Head> recent(WarehouseId warehouse, int limit) {
		return jdbc.sql("""
				select id, warehouse_id, status, note, opened_at, closed_at from inventory.stocktake
				 where warehouse_id = ? order by id desc limit ?""")
			.params(warehouse.value(), limit).query((rs, n) -> head(rs)).list();
	}

	public List<Line> lines(long stocktake) {
		return jdbc.sql("""
				select l.batch_id, l.sku_id, b.batch_no, b.expires_on, l.expected, l.counted, b.unit_cost_fen, l.adjusted,
				       b.remaining
				  from inventory.stocktake_line l join inventory.batch b on b.id = l.batch_id
				 where l.stocktake_id = ? order by l.sku_id, b.expires_on nulls last, b.id""")
			.param(stocktake)
			.query((rs, n) -> new Line(new StockBatchId(rs.getLong(1)), new SkuId(rs.getLong(2)), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getObject(6, Long.class),
					rs.getObject(7, Long.class), rs.getObject(8, Long.class), rs.getLong(9)))
			.list();
	}

	/** Records a counted quantity on a line of an open count; false when there is no such line or it is closed. */
	public boolean count(long stocktake, StockBatchId batch, long counted, Long by, Instant at) {
		return jdbc.sql("""
				update inventory.stocktake_line set counted = ?, counted_by = ?, counted_at = ?
				 where stocktake_id = ? and batch_id = ?
				   and exists (select 1 from inventory.stocktake s where s.id = ? and s.status = ?)""")
			.params(counted, by, Timestamp.from(at), stocktake, batch.value(), stocktake, StocktakeStatus.OPEN.name())
			.update() == 1;
	}

	/**
	 * Closes the count as read ({@link Stocktake#closing()} refuses a count that is not open), with a
	 * compare-and-set on the status it was read in; false when another close won meanwhile.
	 */
	public boolean close(Stocktake stocktake, Long by, Instant at) {
		StocktakeStatus closed = stocktake.closing();
		return jdbc.sql("""
				update inventory.stocktake set status = ?, closed_by = ?, closed_at = ?
				 where id = ? and status = ?""")
			.params(closed.name(), by, Timestamp.from(at), stocktake.id(), stocktake.status().name()).update() == 1;
	}

	public void adjusted(long stocktake, StockBatchId batch, long adjusted) {
		jdbc.sql("update inventory.stocktake_line set adjusted = ? where stocktake_id = ? and batch_id = ?")
			.params(adjusted, stocktake, batch.value()).update();
	}

	private static Head head(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp closed = rs.getTimestamp(6);
		return new Head(rs.getLong(1), new WarehouseId(rs.getLong(2)), StocktakeStatus.valueOf(rs.getString(3)), rs.getString(4),
				rs.getTimestamp(5).toInstant(), closed == null ? null : closed.toInstant());
	}
}
