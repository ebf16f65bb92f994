package com.linli.inventory.internal;

import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.inventory.Movement;
import com.linli.inventory.MovementKind;
import com.linli.inventory.Stock;
import com.linli.inventory.StockBatch;
import com.linli.inventory.StockBatchId;
import com.linli.inventory.StockLine;
import com.linli.network.WarehouseId;
import com.linli.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read models of the stock pages: stock of a warehouse, a SKU's batches and ledger. */
@Repository
public class StockQueries {

	private final JdbcClient jdbc;

	StockQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stock rows of a warehouse by SKU id; {@code skus} null = every SKU. */
	public Page<StockLine> stock(WarehouseId warehouse, List<SkuId> skus, int page, int size) {
		Long[] ids = skus == null ? null : skus.stream().map(SkuId::value).toArray(Long[]::new);
		String where = " where s.warehouse_id = ? and (cast(? as bigint[]) is null or s.sku_id = any(?))";
		long total = jdbc.sql("select count(*) from inventory.stock s" + where).params(warehouse.value(), ids, ids)
			.query(Long.class).single();
		List<StockLine> items = jdbc.sql("""
				select s.sku_id, s.on_hand, s.reserved,
				       (select min(b.expires_on) from inventory.batch b
				         where b.warehouse_id = s.warehouse_id and b.sku_id = s.sku_id and b.remaining > 0)
				  from inventory.stock s""" + where + " order by s.on_hand = 0, s.sku_id limit ? offset ?")
			.params(warehouse.value(), ids, ids, size, (long) page * size)
			.query((rs, n) -> new StockLine(Stock.of(warehouse, new SkuId(rs.getLong(1)), rs.getLong(2), rs.getLong(3)),
					rs.getObject(4, LocalDate.class)))
			.list();
		return new Page<>(items, total, page, size);
	}

	/** Every batch of a SKU at a warehouse, those holding units first, by expiry. */
	public List<StockBatch> batches(WarehouseId warehouse, SkuId sku) {
		return jdbc.sql(StockLedger.BATCH + """
				\swhere warehouse_id = ? and sku_id = ?
				 order by remaining = 0, expires_on nulls last, id desc limit 100""")
			.params(warehouse.value(), sku.value()).query(StockLedger::batch).list();
	}

	/** The latest ledger rows of a SKU at a warehouse, newest first. */
	public List<Movement> movements(WarehouseId warehouse, SkuId sku, int limit) {
		return jdbc.sql("""
				select m.id, m.batch_id, b.batch_no, m.kind, m.quantity, m.reference, m.reason, m.other_warehouse_id,
				       m.created_by, m.created_at
				  from inventory.movement m join inventory.batch b on b.id = m.batch_id
				 where m.warehouse_id = ? and m.sku_id = ? order by m.id desc limit ?""")
			.params(warehouse.value(), sku.value(), limit)
			.query((rs, n) -> {
				long other = rs.getLong(8);
				boolean noOther = rs.wasNull();
				return new Movement(rs.getLong(1), warehouse, sku, new StockBatchId(rs.getLong(2)), rs.getString(3),
						MovementKind.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6), rs.getString(7),
						noOther ? null : new WarehouseId(other), rs.getObject(9, Long.class),
						rs.getTimestamp(10).toInstant());
			})
			.list();
	}

	/** Sum of the ledger of a SKU at a warehouse (equals on hand; shown on the detail page as a check). */
	public long ledgerSum(WarehouseId warehouse, SkuId sku) {
		return jdbc.sql("select coalesce(sum(quantity), 0) from inventory.movement where warehouse_id = ? and sku_id = ?")
			.params(warehouse.value(), sku.value()).query(Long.class).single();
	}
}
