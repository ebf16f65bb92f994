package com.linli.inventory.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.linli.catalog.SkuId;
import com.linli.inventory.AlertKind;
import com.linli.inventory.InventorySettings;
import com.linli.inventory.StockAlert;
import com.linli.inventory.StockBatchId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alert settings, the figures alerts are computed from, and the alerts themselves. */
@Repository
public class Alerts {

	private static final String SELECT = """
			select id, kind, warehouse_id, region_id, sku_id, batch_id, status, available, safety_stock, avg_daily,
			       days_of_cover, expires_on, units, raised_at, resolved_at from inventory.alert""";

	private final JdbcClient jdbc;

	Alerts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public InventorySettings settings() {
		Map<Integer, BigDecimal> seasonal = new TreeMap<>();
		jdbc.sql("select month, factor from inventory.seasonal_factor order by month")
			.query(rs -> {
				seasonal.put(rs.getInt(1), rs.getBigDecimal(2));
			});
		return jdbc.sql("select sales_window_days, safety_days, overstock_days, near_expiry_days from inventory.settings where id = 1")
			.query((rs, n) -> new InventorySettings(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4),
					seasonal))
			.single();
	}

	public void saveSettings(InventorySettings s, Instant at) {
		jdbc.sql("""
				update inventory.settings set sales_window_days = ?, safety_days = ?, overstock_days = ?,
				    near_expiry_days = ?, updated_at = ? where id = 1""")
			.params(s.salesWindowDays(), s.safetyDays(), s.overstockDays(), s.nearExpiryDays(), Timestamp.from(at))
			.update();
		s.seasonalFactors().forEach((month, factor) -> jdbc
			.sql("update inventory.seasonal_factor set factor = ? where month = ?").params(factor, month).update());
	}

	/** A stock row with the receipt time of its oldest batch still holding units. */
	public record StockRow(WarehouseId warehouseId, SkuId skuId, long onHand, long reserved, Instant oldestBatch) {

		public long available() {
			return onHand - reserved;
		}
	}

	public List<StockRow> stockRows() {
		return jdbc.sql("""
				select s.warehouse_id, s.sku_id, s.on_hand, s.reserved,
				       (select min(b.received_at) from inventory.batch b
				         where b.warehouse_id = s.warehouse_id and b.sku_id = s.sku_id and b.remaining > 0)
				  from inventory.stock s order by s.warehouse_id, s.sku_id""")
			.query((rs, n) -> {
				Timestamp oldest = rs.getTimestamp(5);
				return new StockRow(new WarehouseId(rs.getLong(1)), new SkuId(rs.getLong(2)), rs.getLong(3), rs.getLong(4),
						oldest == null ? null : oldest.toInstant());
			})
			.list();
	}

	/** Units sold (SALE movements) per warehouse and SKU since an instant. */
	public Map<WarehouseId, Map<SkuId, Long>> sales(Instant since) {
		Map<WarehouseId, Map<SkuId, Long>> result = new HashMap<>();
		jdbc.sql("""
				select warehouse_id, sku_id, -sum(quantity) from inventory.movement
				 where kind = 'SALE' and created_at >= ? group by warehouse_id, sku_id""")
			.param(Timestamp.from(since))
			.query(rs -> {
				result.computeIfAbsent(new WarehouseId(rs.getLong(1)), w -> new HashMap<>())
					.put(new SkuId(rs.getLong(2)), rs.getLong(3));
			});
		return result;
	}

	/** Best-selling SKU over the given warehouses since an instant, other than {@code except}. */
	public Optional<SkuId> bestSeller(Collection<WarehouseId> warehouses, Instant since, SkuId except) {
		Long[] ids = warehouses.stream().map(WarehouseId::value).toArray(Long[]::new);
		return jdbc.sql("""
				select sku_id from inventory.movement
				 where kind = 'SALE' and created_at >= ? and warehouse_id = any(?) and sku_id <> ?
				 group by sku_id order by -sum(quantity) desc, sku_id limit 1""")
			.params(Timestamp.from(since), ids, except.value()).query(Long.class).optional().map(SkuId::new);
	}

	/** Open or to open: an alert as computed now. */
	public record Computed(AlertKind kind, WarehouseId warehouseId, RegionId regionId, SkuId skuId, StockBatchId batchId,
			long available, long safetyStock, BigDecimal averageDailySales, BigDecimal daysOfCover, LocalDate expiresOn,
			long units) {
	}

	/**
	 * Opens the alert, or refreshes the figures of the one already open; returns the id and whether it is new.
	 */
	public Map.Entry<Long, Boolean> raise(Computed c, Instant at) {
		Optional<Long> created = jdbc.sql("""
				insert into inventory.alert (kind, warehouse_id, region_id, sku_id, batch_id, status, available, safety_stock,
				    avg_daily, days_of_cover, expires_on, units, raised_at, updated_at)
				values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (kind, warehouse_id, sku_id, coalesce(batch_id, 0)) where status = 'OPEN' do nothing
				returning id""")
			.params(c.kind().name(), c.warehouseId().value(), c.regionId().value(), c.skuId().value(),
					c.batchId() == null ? null : c.batchId().value(), c.available(), c.safetyStock(),
					c.averageDailySales(), c.daysOfCover(), c.expiresOn(), c.units(), Timestamp.from(at),
					Timestamp.from(at))
			.query(Long.class).optional();
		if (created.isPresent()) {
			return Map.entry(created.get(), true);
		}
		long id = jdbc.sql("""
				update inventory.alert set available = ?, safety_stock = ?, avg_daily = ?, days_of_cover = ?, units = ?,
				    updated_at = ?
				 where kind = ? and warehouse_id = ? and sku_id = ? and coalesce(batch_id, 0) = ? and status = 'OPEN'
				returning id""")
			.params(c.available(), c.safetyStock(), c.averageDailySales(), c.daysOfCover(), c.units(), Timestamp.from(at),
					c.kind().name(), c.warehouseId().value(), c.skuId().value(),
					c.batchId() == null ? 0 : c.batchId().value())
			.query(Long.class).single();
		return Map.entry(id, false);
	}

	/**
	 * Resolves every open alert not in {@code stillOpen} but the forecast's stock-out warnings (the
	 * nightly forecast resolves those: {@link #resolveOpenOfKind}); returns how many.
	 */
	public int resolveAllBut(Set<Long> stillOpen, Instant at) {
		return jdbc.sql("""
				update inventory.alert set status = 'RESOLVED', resolved_at = ?, updated_at = ?
				 where status = 'OPEN' and id <> all(?) and kind <> 'STOCKOUT_AHEAD'""")
			.params(Timestamp.from(at), Timestamp.from(at), stillOpen.toArray(Long[]::new)).update();
	}

	public Optional<StockAlert> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(Alerts::alert).optional();
	}

	/** Alerts, open ones first then newest; null filters mean any; regions null = all. */
	public Page<StockAlert> search(Boolean open, AlertKind kind, WarehouseId warehouse, Set<Long> regions, int page,
			int size) {
		Long[] regionIds = regions == null ? null : regions.toArray(Long[]::new);
		String where = """
				\swhere (cast(? as varchar) is null or status = ?) and (cast(? as varchar) is null or kind = ?)
				   and (cast(? as bigint) is null or warehouse_id = ?) and (cast(? as bigint[]) is null or region_id = any(?))""";
		String status = open == null ? null : open ? "OPEN" : "RESOLVED";
		String k = kind == null ? null : kind.name();
		Long w = warehouse == null ? null : warehouse.value();
		Object[] params = { status, status, k, k, w, w, regionIds, regionIds };
		long total = jdbc.sql("select count(*) from inventory.alert" + where).params(params).query(Long.class).single();
		List<StockAlert> items = jdbc.sql(SELECT + where + " order by status, raised_at desc, id desc limit ? offset ?")
			.params(append(params, size, (long) page * size)).query(Alerts::alert).list();
		return new Page<>(items, total, page, size);
	}

	public long countOpen(Set<Long> regions) {
		Long[] regionIds = regions == null ? null : regions.toArray(Long[]::new);
		return jdbc.sql("select count(*) from inventory.alert where status = 'OPEN' and (cast(? as bigint[]) is null or region_id = any(?))")
			.params(regionIds, regionIds).query(Long.class).single();
	}

	/** Kinds of open alerts per SKU at a warehouse, for the badges of the stock list. */
	public Map<SkuId, Set<AlertKind>> openKinds(WarehouseId warehouse) {
		Map<SkuId, Set<AlertKind>> result = new HashMap<>();
		jdbc.sql("select sku_id, kind from inventory.alert where status = 'OPEN' and warehouse_id = ?")
			.param(warehouse.value())
			.query(rs -> {
				result.computeIfAbsent(new SkuId(rs.getLong(1)), s -> java.util.EnumSet.noneOf(AlertKind.class))
					.add(AlertKind.valueOf(rs.getString(2)));
			});
		return result;
	}

	private static Object[] append(Object[] params, Object... more) {
		Object[] all = java.util.Arrays.copyOf(params, params.length + more.length);
		System.arraycopy(more, 0, all, params.length, more.length);
		return all;
	}

	static StockAlert alert(ResultSet rs, int row) throws SQLException {
		long batch = rs.getLong("batch_id");
		boolean noBatch = rs.wasNull();
		Timestamp resolved = rs.getTimestamp("resolved_at");
		return new StockAlert(rs.getLong("id"), AlertKind.valueOf(rs.getString("kind")),
				new WarehouseId(rs.getLong("warehouse_id")), new RegionId(rs.getLong("region_id")),
				new SkuId(rs.getLong("sku_id")), noBatch ? null : new StockBatchId(batch), "OPEN".equals(rs.getString("status")),
				rs.getLong("available"), rs.getLong("safety_stock"), rs.getBigDecimal("avg_daily"),
				rs.getBigDecimal("days_of_cover"), rs.getObject("expires_on", LocalDate.class), rs.getLong("units"),
				rs.getTimestamp("raised_at").toInstant(), resolved == null ? null : resolved.toInstant());
	}

	/** One recomputation at a time (the scheduled job and the console button may meet). */
	public void lockRecompute() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('inventory.alerts'))").query(rs -> {
		});
	}

	/** Batches holding units that have an expiry date. */
	public List<com.linli.inventory.StockBatch> expiringBatches() {
		return jdbc.sql(StockLedger.BATCH + " where remaining > 0 and expires_on is not null order by id")
			.query(StockLedger::batch).list();
	}

	/** Resolves the region's open alerts of the kind that are not in {@code stillOpen}; returns how many. */
	public int resolveOpenOfKind(AlertKind kind, RegionId region, Set<Long> stillOpen, Instant at) {
		return jdbc.sql("""
				update inventory.alert set status = 'RESOLVED', resolved_at = ?, updated_at = ?
				 where status = 'OPEN' and kind = ? and region_id = ? and id <> all(?)""")
			.params(Timestamp.from(at), Timestamp.from(at), kind.name(), region.value(), stillOpen.toArray(Long[]::new))
			.update();
	}
}
