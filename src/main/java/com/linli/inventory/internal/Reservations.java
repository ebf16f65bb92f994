package com.linli.inventory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.network.WarehouseId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Units held for a demand reference per SKU; callers hold the stock row's lock. */
@Repository
public class Reservations {

	private final JdbcClient jdbc;

	Reservations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A reservation row: what the first reserve() answered (null if none yet) and what is held now. */
	public record Row(String reference, SkuId skuId, WarehouseId warehouseId, Long answered, long held) {
	}

	public Optional<Row> find(String reference, SkuId sku) {
		return jdbc.sql("select reference, sku_id, warehouse_id, answered, held from inventory.reservation where reference = ? and sku_id = ?")
			.params(reference, sku.value())
			.query((rs, n) -> new Row(rs.getString(1), new SkuId(rs.getLong(2)), new WarehouseId(rs.getLong(3)),
					rs.getObject(4, Long.class), rs.getLong(5)))
			.optional();
	}

	/** Sets the first answer and adds it to what is held (made if missing). */
	public void answer(String reference, WarehouseId warehouse, SkuId sku, long units, Instant at) {
		jdbc.sql("""
				insert into inventory.reservation (reference, sku_id, warehouse_id, answered, held, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (reference, sku_id) do update set answered = excluded.answered,
				    held = reservation.held + excluded.held, updated_at = excluded.updated_at""")
			.params(reference, sku.value(), warehouse.value(), units, units, Timestamp.from(at), Timestamp.from(at))
			.update();
	}

	/** Adds units to what is held (a receipt reserved for the reference), made without an answer if missing. */
	public void hold(String reference, WarehouseId warehouse, SkuId sku, long units, Instant at) {
		jdbc.sql("""
				insert into inventory.reservation (reference, sku_id, warehouse_id, answered, held, created_at, updated_at)
				values (?, ?, ?, null, ?, ?, ?)
				on conflict (reference, sku_id) do update set held = reservation.held + excluded.held,
				    updated_at = excluded.updated_at""")
			.params(reference, sku.value(), warehouse.value(), units, Timestamp.from(at), Timestamp.from(at)).update();
	}

	/** Takes units off what is held; false when fewer are held. */
	public boolean consume(String reference, SkuId sku, long units, Instant at) {
		return jdbc.sql("update inventory.reservation set held = held - ?, updated_at = ? where reference = ? and sku_id = ? and held >= ?")
			.params(units, Timestamp.from(at), reference, sku.value(), units).update() == 1;
	}

	/** Reservations holding units of a SKU at a warehouse, newest first (the first to give way when goods are lost). */
	public List<Row> holding(WarehouseId warehouse, SkuId sku) {
		return jdbc.sql("""
				select reference, sku_id, warehouse_id, answered, held from inventory.reservation
				 where warehouse_id = ? and sku_id = ? and held > 0 order by created_at desc, reference""")
			.params(warehouse.value(), sku.value())
			.query((rs, n) -> new Row(rs.getString(1), new SkuId(rs.getLong(2)), new WarehouseId(rs.getLong(3)),
					rs.getObject(4, Long.class), rs.getLong(5)))
			.list();
	}

	/** What a reference holds at a warehouse, per SKU. */
	public List<Row> heldFor(String reference, WarehouseId warehouse) {
		return jdbc.sql("""
				select reference, sku_id, warehouse_id, answered, held from inventory.reservation
				 where reference = ? and warehouse_id = ? and held > 0 order by sku_id""")
			.params(reference, warehouse.value())
			.query((rs, n) -> new Row(rs.getString(1), new SkuId(rs.getLong(2)), new WarehouseId(rs.getLong(3)),
					rs.getObject(4, Long.class), rs.getLong(5)))
			.list();
	}
}
